package io.github.spr.emailcode.step;

import io.github.spr.emailcode.code.CodeUsage;
import io.github.spr.emailcode.code.LoginCode;
import io.github.spr.emailcode.limits.SlidingWindowLimit;
import io.github.spr.emailcode.mail.AfterCommit;
import io.github.spr.emailcode.mail.CodeMailer;
import io.github.spr.emailcode.outcome.Outcome;
import io.github.spr.emailcode.outcome.OutcomeReport;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.events.EventBuilder;
import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;

/**
 * Mails a login's code in the background, once the request has committed, so the page never waits for the relay.
 * The mail goes out in the language of the page the user was on (resolved now, while the request is at hand).
 * Fail closed: when it cannot be sent, the code ends before anyone could know it, the limit slots taken for it go
 * back, the failure is an event and a counter, and the login's next page offers to try again.
 */
final class CodeDelivery implements CodeSending.Mail {

    private static final Logger LOG = Logger.getLogger(CodeDelivery.class);

    private final KeycloakSession session;
    private final String realmId;
    private final String userId;
    private final String clientId;
    private final String ipAddress;
    private final String localeTag;
    private final String maskedAddress;
    private final int lifetimeSeconds;

    CodeDelivery(KeycloakSession session, RealmModel realm, UserModel user, String clientId, String maskedAddress, int lifetimeSeconds) {
        this.session = session;
        this.realmId = realm.getId();
        this.userId = user.getId();
        this.clientId = clientId;
        this.ipAddress = session.getContext().getConnection() == null ? null : session.getContext().getConnection().getRemoteAddr();
        this.localeTag = session.getContext().resolveLocale(user).toLanguageTag();
        this.maskedAddress = maskedAddress;
        this.lifetimeSeconds = lifetimeSeconds;
    }

    @Override
    public void send(LoginCode.Issued code, List<SlidingWindowLimit.Slot> returnOnFailure) {
        AfterCommit.run(session,
                background -> deliver(background, code, returnOnFailure),
                background -> undelivered(background, code, returnOnFailure, "the request that asked for it did not complete"));
    }

    private void deliver(KeycloakSession background, LoginCode.Issued code, List<SlidingWindowLimit.Slot> returnOnFailure) {
        RealmModel realm = background.realms().getRealm(realmId);
        background.getContext().setRealm(realm);
        // No request here: Keycloak's locale selection reads the language the login's page was in from this attribute.
        background.setAttribute(LocaleSelectorProvider.USER_REQUEST_LOCALE, localeTag);
        UserModel user = background.users().getUserById(realm, userId);
        try {
            if (user == null) {
                throw new EmailException("the user was removed");
            }
            new CodeMailer(background).send(realm, user, code.plainCode(), lifetimeSeconds);
        } catch (EmailException | RuntimeException e) {
            undelivered(background, code, returnOnFailure, e.getClass().getSimpleName());
        }
    }

    private void undelivered(KeycloakSession background, LoginCode.Issued code, List<SlidingWindowLimit.Slot> returnOnFailure, String why) {
        RealmModel realm = background.realms().getRealm(realmId);
        if (realm != null) {
            background.getContext().setRealm(realm);
            LOG.warnf("Could not email a verification code to user %s in realm %s (%s)", userId, realm.getName(), why);
            UserModel user = background.users().getUserById(realm, userId);
            EventBuilder event = new EventBuilder(realm, background).client(clientId).ipAddress(ipAddress);
            if (user != null) {
                event.user(user);
            }
            OutcomeReport.recordElsewhere(Outcome.SEND_FAILED, event, realm.getName(), maskedAddress);
        }
        // Last: once the login can see that the mail failed, the failure is already counted.
        settle(background.singleUseObjects(), code, returnOnFailure, lifetimeSeconds);
    }

    /** A code whose mail could not be sent: it ends (nobody can know it), and its limit slots go back. */
    static void settle(SingleUseObjectProvider store, LoginCode.Issued code, List<SlidingWindowLimit.Slot> slots, int lifetimeSeconds) {
        new CodeUsage(store).markUndelivered(code.id(), lifetimeSeconds);
        slots.forEach(slot -> SlidingWindowLimit.giveBack(store, slot));
    }
}
