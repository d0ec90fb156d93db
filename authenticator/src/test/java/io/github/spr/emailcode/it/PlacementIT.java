package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.it.FormBrowser.Page;
import io.github.spr.emailcode.it.TestUsers.TestUser;
import io.github.spr.emailcode.step.EmailCodeAuthenticatorFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.models.utils.TimeBasedOTP;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.UserBuilder;

/**
 * Where the admin guide says the step may go, proven on the server: Required after the password (the shipped realm,
 * which every other test signs in to), or Alternative beside OTP in the conditional 2FA sub-flow of a copy of
 * Keycloak's browser flow. And what happens where it must not go: Alternative beside the Required password form.
 */
@KeycloakIntegrationTest(config = SprServerConfig.class)
public class PlacementIT extends PortalSignIn {

    private static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @Test
    void aUserWithAnAuthenticatorAppCanTryAnotherWayAndSignInWithTheEmailCode() {
        String emailCodeExecution = bindBrowserFlowWithEmailCodeBesideOtp();
        TestUser user = userWithTotp("totp");
        FormBrowser browser = new FormBrowser();
        HttpSignIn signIn = new HttpSignIn(browser);
        signIn.open(oauth.loginForm().build());
        Page otp = signIn.password(user.email(), user.password());
        assertEquals("login-login-otp", otp.pageId().orElse("none"), "the authenticator app is offered first:\n" + otp.body());

        Page choices = signIn.post("kc-select-try-another-way-form", Map.of("tryAnotherWay", "on"));
        assertEquals("login-select-authenticator", choices.pageId().orElse("none"), choices.body());
        assertTrue(choices.body().contains("Email verification code"), "the step is named in the list");
        signIn.post("kc-select-credential-form-0", Map.of("authenticationExecution", emailCodeExecution));
        assertEquals(HttpSignIn.CHOOSE_PAGE, signIn.pageId());

        signIn.chooseAddress();
        assertReachedTheClient(signIn.enterCode(inbox.code(1)));
    }

    @Test
    void aUserWithoutASecondFactorStillGetsTheEmailStepThere() {
        bindBrowserFlowWithEmailCodeBesideOtp();
        TestUser user = TestUsers.create(realm, "nofactor");
        HttpSignIn signIn = new HttpSignIn(new FormBrowser());
        signIn.toChooseAddress(oauth.loginForm().build(), user.email(), user.password());
        signIn.chooseAddress();
        assertReachedTheClient(signIn.enterCode(inbox.code(1)));
    }

    @Test
    void aUserWithAnAuthenticatorAppStillSignsInWithIt() {
        bindBrowserFlowWithEmailCodeBesideOtp();
        TestUser user = userWithTotp("app");
        HttpSignIn signIn = new HttpSignIn(new FormBrowser());
        signIn.open(oauth.loginForm().build());
        // By username: this login never reaches the email step, which masks a typed address in Keycloak's events and log.
        signIn.password(usernameOf(user), user.password());
        Page done = signIn.post("kc-otp-login-form", Map.of("otp", new TimeBasedOTP().generateTOTP(TOTP_SECRET), "login", "Sign In"));
        assertReachedTheClient(done);
        assertTrue(inbox.staysAt(0, 500), "no code mailed to a user who used the app");
    }

    @Test
    void alternativeBesideTheRequiredPasswordFormIsSkippedAndTheServerWarnsNamingTheFlow() throws InterruptedException {
        int logFrom = ServerLog.length();
        AuthenticationManagementResource flows = realm.admin().flows();
        AuthenticationExecutionInfoRepresentation step = emailCodeIn(flows, ShippedPortalRealm.FLOW_WITH_EMAIL_CODE);
        step.setRequirement("ALTERNATIVE");
        flows.updateExecutions(ShippedPortalRealm.FLOW_WITH_EMAIL_CODE, step);
        realm.cleanup().add(r -> {
            AuthenticationExecutionInfoRepresentation restore = emailCodeIn(r.flows(), ShippedPortalRealm.FLOW_WITH_EMAIL_CODE);
            restore.setRequirement("REQUIRED");
            r.flows().updateExecutions(ShippedPortalRealm.FLOW_WITH_EMAIL_CODE, restore);
        });

        String warning = ServerLog.awaitLine(logFrom, line -> line.contains("WARN") && line.contains("The email code step in flow '"
                + ShippedPortalRealm.FLOW_WITH_EMAIL_CODE + "'"), Duration.ofSeconds(10));
        assertTrue(warning.contains("Keycloak ignores Alternative steps beside Required ones"), warning);

        // What the warning is about: the password alone now ends the login. (By username: the step that would mask a
        // typed address in Keycloak's events and log never runs here.)
        TestUser user = TestUsers.create(realm, "skipped");
        HttpSignIn signIn = new HttpSignIn(new FormBrowser());
        signIn.open(oauth.loginForm().build());
        assertReachedTheClient(signIn.password(usernameOf(user), user.password()));
        assertEquals(1, ServerLog.count(logFrom, line -> line.contains("The email code step in flow '")), "one warning, not one per login");
    }

    /** A copy of Keycloak's browser flow, the step Alternative beside OTP in its conditional 2FA sub-flow, bound for this test. */
    private String bindBrowserFlowWithEmailCodeBesideOtp() {
        AuthenticationManagementResource flows = realm.admin().flows();
        String copy = "two-factor-choice-" + System.nanoTime();
        flows.copy("browser", Map.of("newName", copy)).close();
        String twoFactor = subFlowHolding(flows.getExecutions(copy), "auth-otp-form");
        flows.addExecution(twoFactor, Map.of("provider", EmailCodeAuthenticatorFactory.PROVIDER_ID));
        AuthenticationExecutionInfoRepresentation step = emailCodeIn(flows, copy);
        step.setRequirement("ALTERNATIVE");
        flows.updateExecutions(copy, step);

        RealmRepresentation rep = realm.admin().toRepresentation();
        String original = rep.getBrowserFlow();
        rep.setBrowserFlow(copy);
        realm.admin().update(rep);
        realm.cleanup().add(r -> {
            RealmRepresentation back = r.toRepresentation();
            back.setBrowserFlow(original);
            r.update(back);
        });
        List<String> placement = flows.getExecutions(copy).stream()
                .filter(e -> e.getLevel() == step.getLevel() && !Boolean.TRUE.equals(e.getAuthenticationFlow()))
                .map(e -> e.getProviderId() + ":" + e.getRequirement()).toList();
        assertTrue(placement.contains("auth-otp-form:ALTERNATIVE") && placement.contains("email-code:ALTERNATIVE"), placement.toString());
        return step.getId();
    }

    /** The alias of the sub-flow that holds {@code providerId}: the nearest sub-flow above it in the editor's list. */
    private static String subFlowHolding(List<AuthenticationExecutionInfoRepresentation> executions, String providerId) {
        for (int i = 0; i < executions.size(); i++) {
            if (providerId.equals(executions.get(i).getProviderId())) {
                for (int j = i - 1; j >= 0; j--) {
                    AuthenticationExecutionInfoRepresentation candidate = executions.get(j);
                    if (Boolean.TRUE.equals(candidate.getAuthenticationFlow()) && candidate.getLevel() == executions.get(i).getLevel() - 1) {
                        return candidate.getDisplayName();
                    }
                }
            }
        }
        throw new AssertionError("no sub-flow holds " + providerId);
    }

    private TestUser userWithTotp(String name) {
        String username = name + "-" + System.nanoTime();
        String email = username + "@acme.example";
        TestUsers.register(email);
        realm.addUser(UserBuilder.create().username(username).email(email).name("Tia", "Totp").emailVerified(true)
                .password(TestUsers.PASSWORD).totpSecret(TOTP_SECRET));
        String id = realm.admin().users().search(username, true).get(0).getId();
        return new TestUser(id, email, TestUsers.PASSWORD);
    }

    private String usernameOf(TestUser user) {
        return realm.admin().users().get(user.id()).toRepresentation().getUsername();
    }

    private static AuthenticationExecutionInfoRepresentation emailCodeIn(AuthenticationManagementResource flows, String flow) {
        return flows.getExecutions(flow).stream()
                .filter(e -> EmailCodeAuthenticatorFactory.PROVIDER_ID.equals(e.getProviderId()))
                .findFirst().orElseThrow(() -> new AssertionError("no email-code step in " + flow));
    }

    private static void assertReachedTheClient(Page page) {
        assertTrue(page.uri().toString().startsWith("http://127.0.0.1:8500/callback/oauth?") && page.uri().toString().contains("code="),
                "redirected to the client with a code: " + page.uri() + "\n" + page.body());
    }
}
