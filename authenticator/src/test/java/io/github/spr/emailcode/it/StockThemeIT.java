package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.spr.emailcode.it.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.openqa.selenium.By;

/** The step's own pages and email work for realms that keep Keycloak's stock themes. */
@KeycloakIntegrationTest(config = SprServerConfig.class)
public class StockThemeIT extends PortalSignIn {

    @BeforeEach
    void stockThemes() {
        realm.updateWithCleanup(r -> r.update(rep -> {
            rep.setLoginTheme("keycloak.v2");
            rep.setEmailTheme("keycloak");
        }));
    }

    @Test
    void theSignInWorksEndToEndUnderKeycloakV2() throws Exception {
        TestUser user = TestUsers.create(realm, "stock");
        oauth.openLoginForm();
        assertEquals("Sign In", driver.findElement(By.id("kc-login")).getText().trim());
        loginPage.fillLogin(user.email(), user.password());
        loginPage.submit();

        choosePage.assertCurrent();
        assertEquals("Verify your identity", choosePage.title());
        assertEquals("s\u2022\u2022\u2022@acme.example", choosePage.address());
        choosePage.chooseAddress();

        codePage.assertCurrent();
        assertEquals("Validate Code", codePage.validateButtonText());
        var message = inbox.message(1);
        assertEquals("Your verification code for Package Room Portal", message.getSubject());
        codePage.submitCode(Inbox.codeIn(message));
        assertBackAtThePortal();
    }
}
