package io.github.spr.emailcode.watch;

import io.github.spr.emailcode.limits.UserLimits;
import io.github.spr.emailcode.placement.PlacementCheck;
import io.github.spr.emailcode.step.EmailCodeAuthenticatorFactory;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Keycloak's events that concern the email step, in every realm:
 * <ul>
 * <li>an admin clears a user's login failures (or all users'), or a user's password is reset or changed: the
 * user's cooldown, send quota and wrong-code budget are lifted too, so an admin can always give access back;</li>
 * <li>an admin changes a flow: the step's placements are checked again ({@link PlacementCheck}).</li>
 * </ul>
 */
final class EmailCodeWatch implements EventListenerProvider {

    private static final Pattern ONE_USERS_FAILURES = Pattern.compile("(?:attack-detection/brute-force/users|users)/([^/]+)");
    private static final String ALL_USERS_FAILURES = "attack-detection/brute-force/users";
    private static final Pattern PASSWORD_RESET = Pattern.compile("users/([^/]+)/reset-password");
    private static final Set<ResourceType> FLOW_CHANGES = Set.of(ResourceType.AUTH_FLOW, ResourceType.AUTH_EXECUTION,
            ResourceType.AUTH_EXECUTION_FLOW, ResourceType.REALM);

    private final KeycloakSession session;

    EmailCodeWatch(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        boolean passwordChanged = event.getType() == EventType.UPDATE_PASSWORD
                || (event.getType() == EventType.UPDATE_CREDENTIAL && event.getDetails() != null
                && CredentialModel.PASSWORD.equals(event.getDetails().get(Details.CREDENTIAL_TYPE)));
        if (passwordChanged && event.getUserId() != null) {
            UserLimits.clear(session.singleUseObjects(), event.getRealmId(), event.getUserId());
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        String path = event.getResourcePath() == null ? "" : event.getResourcePath();
        String realmId = event.getRealmId();
        if (event.getResourceType() == ResourceType.USER_LOGIN_FAILURE && event.getOperationType() == OperationType.DELETE) {
            if (ALL_USERS_FAILURES.equals(path)) {
                UserLimits.clearAll(session.singleUseObjects(), realmId);
                return;
            }
            Matcher user = ONE_USERS_FAILURES.matcher(path);
            if (user.matches()) {
                UserLimits.clear(session.singleUseObjects(), realmId, user.group(1));
            }
        } else if (event.getResourceType() == ResourceType.USER && event.getOperationType() == OperationType.ACTION) {
            Matcher user = PASSWORD_RESET.matcher(path);
            if (user.matches()) {
                UserLimits.clear(session.singleUseObjects(), realmId, user.group(1));
            }
        } else if (FLOW_CHANGES.contains(event.getResourceType())) {
            RealmModel realm = session.realms().getRealm(realmId);
            if (realm != null) {
                PlacementCheck.checkRealm(session, realm, EmailCodeAuthenticatorFactory.PROVIDER_ID);
            }
        }
    }

    @Override
    public void close() {
    }
}
