package io.github.spr.emailcode.placement;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

/**
 * Logs one WARN, naming the flow, for each placement of the email step that a user with only the password can skip
 * (see {@link Placement}). Runs when the server starts, when an admin changes a flow, and when the step runs.
 */
public final class PlacementCheck {

    private static final Logger LOG = Logger.getLogger(PlacementCheck.class);
    private static final Set<String> SECOND_FACTOR_CATEGORIES = Set.of(OTPCredentialModel.TYPE, WebAuthnCredentialModel.TYPE_TWOFACTOR,
            WebAuthnCredentialModel.TYPE_PASSWORDLESS, RecoveryAuthnCodesCredentialModel.TYPE);
    /** The problem last logged per realm and execution: each is logged once, and again only if it comes back after a fix. */
    private static final Map<String, String> LOGGED = new ConcurrentHashMap<>();

    private PlacementCheck() {
    }

    /** Checks every placement of the authenticator {@code providerId} in the realm's flows. */
    public static void checkRealm(KeycloakSession session, RealmModel realm, String providerId) {
        realm.getAuthenticationFlowsStream()
                .flatMap(flow -> realm.getAuthenticationExecutionsStream(flow.getId()))
                .filter(execution -> providerId.equals(execution.getAuthenticator()))
                .forEach(execution -> check(session, realm, execution));
    }

    public static void check(KeycloakSession session, RealmModel realm, AuthenticationExecutionModel execution) {
        AuthenticationFlowModel flow = realm.getAuthenticationFlowById(execution.getParentFlow());
        if (flow == null) {
            return;
        }
        List<Placement.Sibling> siblings = realm.getAuthenticationExecutionsStream(flow.getId())
                .filter(other -> !other.getId().equals(execution.getId()))
                .map(other -> sibling(session, realm, other))
                .toList();
        Optional<String> problem = Placement.problem(execution.getRequirement(), siblings);
        String key = realm.getId() + '/' + execution.getId();
        if (problem.isEmpty()) {
            LOGGED.remove(key);
        } else if (!problem.get().equals(LOGGED.put(key, problem.get()))) {
            LOG.warnf("The email code step in flow '%s' of realm '%s' can be skipped: %s. Make it Required after the "
                    + "password form, or Alternative beside OTP or WebAuthn in the conditional 2FA sub-flow.",
                    flow.getAlias(), realm.getName(), problem.get());
        }
    }

    private static Placement.Sibling sibling(KeycloakSession session, RealmModel realm, AuthenticationExecutionModel execution) {
        if (execution.isAuthenticatorFlow()) {
            AuthenticationFlowModel subFlow = realm.getAuthenticationFlowById(execution.getFlowId());
            String name = subFlow == null ? execution.getFlowId() : subFlow.getAlias();
            return new Placement.Sibling(name, execution.getRequirement(), Placement.Sibling.Kind.SUB_FLOW);
        }
        Object factory = session.getKeycloakSessionFactory().getProviderFactory(Authenticator.class, execution.getAuthenticator());
        Placement.Sibling.Kind kind;
        if (factory instanceof ConditionalAuthenticatorFactory) {
            kind = Placement.Sibling.Kind.CONDITION;
        } else if (factory instanceof AuthenticatorFactory authenticator && SECOND_FACTOR_CATEGORIES.contains(authenticator.getReferenceCategory())) {
            kind = Placement.Sibling.Kind.SECOND_FACTOR;
        } else {
            kind = Placement.Sibling.Kind.OTHER_STEP;
        }
        return new Placement.Sibling(execution.getAuthenticator(), execution.getRequirement(), kind);
    }
}
