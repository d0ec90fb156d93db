package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.config.ConfigProperties;
import io.github.spr.emailcode.it.TestUsers.TestUser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectPage;

/** The step's counters, read where ops read them: Keycloak's /metrics on the management port. */
@KeycloakIntegrationTest(config = SprServerConfig.class)
public class MetricsIT extends PortalSignIn {

    @InjectPage
    SendFailedPage sendFailedPage;

    private static final String METRICS = "http://localhost:9000/metrics";

    @Test
    void sendsWrongCodesResendsAndSuccessesAreCountedPerRealm() throws Exception {
        StepConfig.set(realm, Map.of(ConfigProperties.RESEND_COOLDOWN_SECONDS.key(), "0"));
        RealmTweaks.withoutBruteForceDetection(realm);
        double sent = counter("spr_email_code_codes_sent_total", "kind", "first");
        double resent = counter("spr_email_code_codes_sent_total", "kind", "resend");
        double wrong = counter("spr_email_code_wrong_codes_total", null, null);
        double validated = counter("spr_email_code_validations_total", null, null);

        TestUser user = TestUsers.create(realm, "metrics");
        signInWithPassword(user);
        choosePage.chooseAddress();
        codePage.submitCode(differentCode(inbox.code(1)));
        codePage.resend();
        codePage.submitCode(inbox.code(2));
        assertBackAtThePortal();

        assertEquals(sent + 1, counter("spr_email_code_codes_sent_total", "kind", "first"));
        assertEquals(resent + 1, counter("spr_email_code_codes_sent_total", "kind", "resend"));
        assertEquals(wrong + 1, counter("spr_email_code_wrong_codes_total", null, null));
        assertEquals(validated + 1, counter("spr_email_code_validations_total", null, null));
    }

    @Test
    void sendFailuresAndLockoutsAreCounted() throws Exception {
        RealmTweaks.smtpDown(realm);
        StepConfig.set(realm, Map.of(ConfigProperties.MAX_WRONG_CODES_PER_DAY.key(), "1"));
        double failures = counter("spr_email_code_send_failures_total", null, null);
        double budget = counter("spr_email_code_lockouts_total", "reason", "wrong_code_budget");

        TestUser user = TestUsers.create(realm, "failing");
        signInWithPassword(user);
        choosePage.chooseAddress();
        awaitTheRetryPage();
        assertEquals(failures + 1, counter("spr_email_code_send_failures_total", null, null));

        RealmTweaks.smtpBack(realm);
        sendFailedPage.tryAgain();
        codePage.submitCode(differentCode(inbox.code(1)));
        assertEquals(budget + 1, counter("spr_email_code_lockouts_total", "reason", "wrong_code_budget"));
    }

    /** The value of one counter of the portal realm; 0 before it was first incremented. */
    private double counter(String name, String tag, String value) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(METRICS)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "metrics are enabled on the management port");
        assertTrue(response.body().contains("# TYPE"), "a Prometheus exposition");
        double total = 0;
        for (String line : response.body().split("\n")) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            Matcher labels = Pattern.compile("\\{([^}]*)}\\s+(\\S+)").matcher(line);
            if (labels.find() && labels.group(1).contains("realm=\"" + realm.getName() + "\"")
                    && (tag == null || labels.group(1).contains(tag + "=\"" + value + "\""))) {
                total += Double.parseDouble(labels.group(2));
            }
        }
        return total;
    }
}
