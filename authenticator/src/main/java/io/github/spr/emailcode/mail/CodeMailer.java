package io.github.spr.emailcode.mail;

import io.github.spr.emailcode.text.LifetimeText;
import io.github.spr.emailcode.text.MessageKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Emails a code through the realm's SMTP settings and email theme ({@code html/} and {@code text/email-code.ftl}). */
public final class CodeMailer {

    static final String TEMPLATE = "email-code.ftl";

    private final KeycloakSession session;

    public CodeMailer(KeycloakSession session) {
        this.session = session;
    }

    /**
     * Renders the mail in the language Keycloak resolves for {@code user} in this session, and hands it to the SMTP server.
     *
     * @throws EmailException when the mail could not be built or handed to the SMTP server
     */
    public void send(RealmModel realm, UserModel user, String code, int lifetimeSeconds) throws EmailException {
        // The provider writes into this map (locale, msg, ...), so it must be mutable.
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("code", code);
        LifetimeText.put(attributes, "lifetimeMinutes", "lifetimeSeconds", lifetimeSeconds);
        String realmName = realm.getDisplayName() != null && !realm.getDisplayName().isBlank() ? realm.getDisplayName() : realm.getName();
        session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(user)
                .send(MessageKeys.EMAIL_SUBJECT, List.of(realmName), TEMPLATE, attributes);
    }
}
