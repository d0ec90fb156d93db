package io.github.spr.clustertest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.config.ConfigProperties;
import io.github.spr.emailcode.it.FormBrowser.Page;
import io.github.spr.emailcode.it.HttpSignIn;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The per-user limits live in Keycloak's single-use store (the distributed actionTokens cache): what one node took
 * counts on the other, so a second node is no way around them.
 */
@Order(2)
class PerUserLimitsAcrossNodesIT extends TwoNodeSignIn {

    private static final Pattern PLEASE_WAIT = Pattern.compile("Please wait (\\d+) seconds before requesting a new code\\.");

    @Test
    void theResendCooldownStartedOnNodeAHoldsOnNodeB() throws InterruptedException {
        // The shipped setting: 30 seconds.
        TestUser user = newUser("cooldown");
        signInAndRequestCode(user, a);
        code(user, 1);

        Page refused = on(b).resend();
        assertEquals(HttpSignIn.CODE_PAGE, refused.pageId().orElse("none"), refused.body());
        Matcher wait = PLEASE_WAIT.matcher(refused.body());
        assertTrue(wait.find(), "node B asks to wait:\n" + refused.body());
        int seconds = Integer.parseInt(wait.group(1));
        assertTrue(seconds >= 1 && seconds <= 30, "seconds left of the 30-second cooldown: " + seconds);
        assertMailCount(user, 1);
    }

    @Test
    void theSendQuotaUsedUpOnNodeAHoldsOnNodeB() throws InterruptedException {
        changeStepSettings(Map.of(ConfigProperties.SEND_QUOTA.key(), "2", ConfigProperties.RESEND_COOLDOWN_SECONDS.key(), "0"));
        TestUser user = newUser("quota");
        signInAndRequestCode(user, a);
        assertOnCodePage(on(a).resend(), "We sent a new code to");
        code(user, 2);

        assertOnCodePage(on(b).resend(), "Too many codes were requested for your account.");
        assertMailCount(user, 2);
    }

    @Test
    void wrongCodesEnteredOnNodeACountAgainstTheDailyBudgetOnNodeB() throws InterruptedException {
        // The realm's lockout (two quick failures lock) would stop this first; the budget must hold on its own.
        changeRealm(Map.of("bruteForceProtected", false));
        changeStepSettings(Map.of(ConfigProperties.MAX_WRONG_CODES_PER_DAY.key(), "3"));
        TestUser user = newUser("budget");
        signInAndRequestCode(user, a);
        String wrong = wrongCode(code(user, 1));
        assertOnCodePage(on(a).enterCode(wrong), "Tries left for this code: 4.");
        assertOnCodePage(on(a).enterCode(wrong), "Tries left for this code: 3.");

        // The third wrong code of the day is B's: B sees A's two, and the budget is used up.
        Page refused = on(b).enterCode(wrong);
        assertEquals(HttpSignIn.UNAVAILABLE_PAGE, refused.pageId().orElse("none"), refused.body());
        assertTrue(refused.body().contains("Too many wrong codes were entered for your account."), refused.body());
    }
}
