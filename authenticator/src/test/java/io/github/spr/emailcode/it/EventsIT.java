package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.config.ConfigProperties;
import io.github.spr.emailcode.it.TestUsers.TestUser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.openqa.selenium.By;

/** Each thing the step does shows in the realm's login events, with an email_code detail that names it. */
@KeycloakIntegrationTest(config = SprServerConfig.class)
public class EventsIT extends PortalSignIn {

    @InjectTimeOffSet(enableForCaches = true)
    TimeOffSet timeOffSet;

    @Test
    void aLoginWithEveryMishapLeavesOneNamedEventPerStep() {
        RealmTweaks.withoutBruteForceDetection(realm);
        StepConfig.set(realm, Map.of(ConfigProperties.RESEND_COOLDOWN_SECONDS.key(), "0", ConfigProperties.CODE_LIFETIME_SECONDS.key(), "60"));
        TestUser user = TestUsers.create(realm, "events");
        RealmTweaks.smtpDown(realm);
        signInWithPassword(user);
        choosePage.chooseAddress();                                  // send_failed, in the background
        awaitTheRetryPage();
        RealmTweaks.smtpBack(realm);
        PageNavigation.clickAndWaitForNextPage(driver, driver.findElement(By.id("email-code-retry"))); // code_sent
        String first = inbox.code(1);
        codePage.submitCode(differentCode(first));                   // wrong_code
        timeOffSet.set(61);
        codePage.submitCode(first);                                  // expired_code
        codePage.resend();                                           // code_resent
        codePage.submitCode(inbox.code(2));                          // validated
        assertBackAtThePortal();

        List<EventRepresentation> events = eventsOf(user);
        assertEvent(events, "SEND_VERIFY_EMAIL_ERROR", "send_failed", "email_send_failed");
        assertEvent(events, "SEND_VERIFY_EMAIL", "code_sent", null);
        assertEvent(events, "LOGIN_ERROR", "wrong_code", "invalid_user_credentials");
        assertEvent(events, "LOGIN_ERROR", "expired_code", "expired_code");
        assertEvent(events, "SEND_VERIFY_EMAIL", "code_resent", null);
        assertEvent(events, "LOGIN", "validated", null);
        assertAddressesMasked(events, user);
    }

    @Test
    void aUsedUpWrongCodeBudgetIsAnEvent() {
        RealmTweaks.withoutBruteForceDetection(realm);
        StepConfig.set(realm, Map.of(ConfigProperties.MAX_WRONG_CODES_PER_DAY.key(), "2"));
        TestUser user = TestUsers.create(realm, "budgetevent");
        String code = signInAndReceiveCode(user);
        codePage.submitCode(differentCode(code));
        codePage.submitCode(differentCode(code));
        // The guess that used the budget up writes the event itself: no reload needed to see it.
        assertEvent(eventsOf(user), "LOGIN_ERROR", "wrong_code_budget_exhausted", "slow_down");
    }

    @Test
    void aLockoutIsAnEvent() throws InterruptedException {
        RealmTweaks.lockoutAfter(realm, 1, false);
        TestUser user = TestUsers.create(realm, "lockevent");
        String code = signInAndReceiveCode(user);
        codePage.submitCode(differentCode(code));
        RealmTweaks.awaitLocked(realm, user.id());
        codePage.submitCode(code);
        assertEvent(eventsOf(user), "LOGIN_ERROR", "locked_out", "user_temporarily_disabled");
    }

    private List<EventRepresentation> eventsOf(TestUser user) {
        return realm.admin().getEvents(null, null, user.id(), null, null, null, 0, 200);
    }

    private static void assertEvent(List<EventRepresentation> events, String type, String detail, String error) {
        Set<String> seen = events.stream().map(e -> e.getType() + "/" + (e.getDetails() == null ? null : e.getDetails().get("email_code")) + "/" + e.getError())
                .collect(Collectors.toSet());
        assertTrue(seen.contains(type + "/" + detail + "/" + error), "expected " + type + "/" + detail + "/" + error + " among " + seen);
    }

    private static void assertAddressesMasked(List<EventRepresentation> events, TestUser user) {
        for (EventRepresentation event : events) {
            if (event.getDetails() != null) {
                for (String value : event.getDetails().values()) {
                    assertFalse(value.contains(user.email()), "full address in event " + event.getType() + ": " + event.getDetails());
                }
            }
        }
        assertEquals("e\u2022\u2022\u2022@acme.example", events.stream()
                .filter(e -> "SEND_VERIFY_EMAIL".equals(e.getType())).findFirst().orElseThrow().getDetails().get("email"));
    }
}
