package io.github.spr.emailcode.it;

import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * The realm every real-server test signs in to: realm-config/portal-realm.json exactly as ops import it
 * (the test framework then points its SMTP at GreenMail).
 */
public class ShippedPortalRealm implements RealmConfig {

    public static final String FLOW_WITH_EMAIL_CODE = "portal-browser-forms";

    @Override
    public RealmBuilder configure(RealmBuilder ignored) {
        return RealmBuilder.update(RealmConfigFiles.realm(RealmConfigFiles.PORTAL_REALM, RealmConfigFiles.TEST_ENVIRONMENT));
    }
}
