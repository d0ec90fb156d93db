package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.config.ConfigProperties;
import io.github.spr.emailcode.it.FormBrowser.Page;
import io.github.spr.emailcode.it.TestUsers.TestUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Someone with the password can spend a user's wrong-code budget or send quota and so block the user for up to a
 * day. An admin gives access back the way Keycloak offers for lockouts: clearing the user's login failures, or
 * resetting the password; a user who changes their password gets it back too.
 */
@KeycloakIntegrationTest(config = SprServerConfig.class)
public class LimitsResetIT extends PortalSignIn {

    private static final String BUDGET_USED_UP = "Too many wrong codes were entered for your account.";

    @Test
    void anAdminWhoClearsTheUsersLoginFailuresGivesBackTheWrongCodeBudget() {
        StepConfig.set(realm, Map.of(ConfigProperties.MAX_WRONG_CODES_PER_DAY.key(), "2"));
        TestUser user = TestUsers.create(realm, "cleared");
        useUpTheWrongCodeBudget(user);

        realm.admin().attackDetection().clearBruteForceForUser(user.id());

        assertSignsInWithTheCode(user);
    }

    @Test
    void anAdminWhoClearsAllLoginFailuresGivesEveryUserTheirBudgetBack() {
        StepConfig.set(realm, Map.of(ConfigProperties.MAX_WRONG_CODES_PER_DAY.key(), "2"));
        TestUser first = TestUsers.create(realm, "everyone");
        TestUser second = TestUsers.create(realm, "everyone");
        useUpTheWrongCodeBudget(first);
        useUpTheWrongCodeBudget(second);

        realm.admin().attackDetection().clearAllBruteForce();

        assertSignsInWithTheCode(first);
        assertSignsInWithTheCode(second);
    }

    @Test
    void anAdminWhoResetsThePasswordGivesBackTheSendQuota() {
        StepConfig.set(realm, Map.of(ConfigProperties.SEND_QUOTA.key(), "1", ConfigProperties.RESEND_COOLDOWN_SECONDS.key(), "0"));
        TestUser user = TestUsers.create(realm, "quota");
        HttpSignIn thief = signedInToTheCodePage(user);
        Page refused = thief.resend();
        assertTrue(refused.body().contains("Too many codes were requested for your account."), refused.body());

        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("Package-Room-2");
        password.setTemporary(false);
        realm.admin().users().get(user.id()).resetPassword(password);

        assertSignsInWithTheCode(new TestUser(user.id(), user.email(), "Package-Room-2"));
    }

    @Test
    void aUserWhoChangesTheirPasswordHasTheirLimitsLifted() {
        TestUser user = TestUsers.create(realm, "changer");
        UserRepresentation rep = realm.admin().users().get(user.id()).toRepresentation();
        rep.setRequiredActions(List.of("UPDATE_PASSWORD"));
        realm.admin().users().get(user.id()).update(rep);

        // The email step (which starts the 30-second resend cooldown), then the new password Keycloak asks for.
        HttpSignIn signIn = signedInToTheCodePage(user);
        Page newPassword = signIn.enterCode(inbox.codeTo(user.email(), inbox.countTo(user.email())));
        assertEquals("login-login-update-password", newPassword.pageId().orElse("none"), newPassword.body());
        Page done = signIn.post("kc-passwd-update-form", Map.of("password-new", "Package-Room-3", "password-confirm", "Package-Room-3"));
        assertTrue(done.uri().toString().contains("code="), done.uri() + "\n" + done.body());

        // Within the cooldown, a new sign-in gets its code at once: the cooldown went with the old password.
        HttpSignIn again = new HttpSignIn(new FormBrowser());
        again.toChooseAddress(oauth.loginForm().build(), user.email(), "Package-Room-3");
        Page code = again.chooseAddress();
        assertEquals(HttpSignIn.CODE_PAGE, again.pageId(), code.body());
        assertFalse(code.body().contains("Please wait"), code.body());
    }

    private void useUpTheWrongCodeBudget(TestUser user) {
        RealmTweaks.withoutQuickLoginLockout(realm);
        HttpSignIn thief = signedInToTheCodePage(user);
        String code = inbox.codeTo(user.email(), inbox.countTo(user.email()));
        thief.enterCode(differentCode(code));
        Page blocked = thief.enterCode(differentCode(code));
        assertTrue(blocked.body().contains(BUDGET_USED_UP), blocked.body());
        HttpSignIn user2 = new HttpSignIn(new FormBrowser());
        Page stillBlocked = user2.toChooseAddressOrStop(oauth.loginForm().build(), user.email(), user.password());
        assertTrue(stillBlocked.body().contains(BUDGET_USED_UP), "blocked in a new login too:\n" + stillBlocked.body());
    }

    private void assertSignsInWithTheCode(TestUser user) {
        HttpSignIn signIn = signedInToTheCodePage(user);
        Page done = signIn.enterCode(inbox.codeTo(user.email(), inbox.countTo(user.email())));
        assertTrue(done.uri().toString().startsWith("http://127.0.0.1:8500/callback/oauth?") && done.uri().toString().contains("code="),
                "signed in: " + done.uri() + "\n" + done.body());
    }

    private HttpSignIn signedInToTheCodePage(TestUser user) {
        HttpSignIn signIn = new HttpSignIn(new FormBrowser());
        int mails = inbox.countTo(user.email());
        signIn.toChooseAddress(oauth.loginForm().build(), user.email(), user.password());
        signIn.chooseAddress();
        assertEquals(HttpSignIn.CODE_PAGE, signIn.pageId(), signIn.page().body());
        inbox.codeTo(user.email(), mails + 1);
        return signIn;
    }
}
