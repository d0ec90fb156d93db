package io.github.spr.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.config.ConfigProperties;
import io.github.spr.emailcode.it.FormBrowser.Page;
import io.github.spr.emailcode.it.HttpSignIn;
import io.github.spr.localrun.MailInbox;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one drop-in JAR on each supported Keycloak distribution (the versions are listed in this module's pom): the
 * shipped realm imported as ops import it, and the core of the sign-in driven over HTTP. Each version's server
 * starts once and serves all its scenarios; each scenario has its own user, since cooldowns and lockouts are per user.
 */
@ParameterizedClass(name = "Keycloak {0}", quoteTextArguments = false)
@MethodSource("versions")
@ExtendWith(VersionInFailures.class)
class CompatibilityMatrixIT {

    private static final MatrixSettings SETTINGS = MatrixSettings.fromSystemProperties();
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);
    private static final String PASSWORD = "Matrix-Pass-1";
    private static final AtomicInteger USERS = new AtomicInteger();

    private static VersionedKeycloak keycloak;
    private static MailInbox inbox;
    private static long startedAtNanos;

    private final AdminApi admin = new AdminApi();

    @Parameter
    String version;

    static List<String> versions() {
        return SETTINGS.versions();
    }

    @BeforeParameterizedClassInvocation
    static void startServer(String version) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        inbox = MailInbox.quiet(VersionedKeycloak.SMTP_PORT);
        inbox.start();
        keycloak = new VersionedKeycloak(version, SETTINGS);
        keycloak.start();
        startedAtNanos = System.nanoTime();
        System.out.printf("[matrix] Keycloak %s started in %d s (log: %s)%n", version, seconds(begin, startedAtNanos), keycloak.log());
    }

    @AfterParameterizedClassInvocation
    static void stopServer(String version) {
        long scenariosEnd = System.nanoTime();
        try {
            if (keycloak != null) {
                keycloak.stop();
            }
        } finally {
            keycloak = null;
            if (inbox != null) {
                inbox.stop();
                inbox = null;
            }
        }
        System.out.printf("[matrix] Keycloak %s: scenarios took %d s, stopped in %d s%n", version,
                startedAtNanos == 0 ? 0 : seconds(startedAtNanos, scenariosEnd), seconds(scenariosEnd, System.nanoTime()));
        startedAtNanos = 0;
    }

    @Test
    void aUserSignsInWithTheEmailedCode() {
        TestUser user = newUser();
        HttpSignIn signIn = signInToCodePage(user);

        Portal.assertSignedIn(signIn.enterCode(inbox.awaitCode(user.email(), 1, MAIL_TIMEOUT)));
    }

    @Test
    void aWrongCodeSaysFourTriesAreLeftAndTheRightCodeThenSignsIn() {
        TestUser user = newUser();
        HttpSignIn signIn = signInToCodePage(user);
        String code = inbox.awaitCode(user.email(), 1, MAIL_TIMEOUT);

        assertCodePageSays(enterWrongCode(signIn, code, user, 1), "That code is not correct. Tries left for this code: 4.");
        Portal.assertSignedIn(signIn.enterCode(code));
    }

    @Test
    void theFifthWrongCodeVoidsTheCodeSoTheRightCodeNoLongerSignsIn() {
        // Keycloak's quick-login rule (two failures within a second) would lock the user before the fifth try;
        // this scenario is about the step's own limit per code.
        try (RealmSettingsChange ignored = RealmSettingsChange.apply(admin, Map.of("quickLoginCheckMilliSeconds", 1))) {
            TestUser user = newUser();
            HttpSignIn signIn = signInToCodePage(user);
            String code = inbox.awaitCode(user.email(), 1, MAIL_TIMEOUT);
            for (int tries = 1; tries <= 4; tries++) {
                assertCodePageSays(enterWrongCode(signIn, code, user, tries), "Tries left for this code: " + (5 - tries) + ".");
            }

            assertCodePageSays(enterWrongCode(signIn, code, user, 5), "it was the last try for this code. Request a new code.");
            assertCodePageSays(signIn.enterCode(code), "There is no valid code for this sign-in any more. Request a new code.");
        }
    }

    @Test
    void afterTheRealmsLockoutEvenTheRightCodeIsRefusedWithKeycloaksLockoutText() {
        try (RealmSettingsChange ignored = RealmSettingsChange.apply(admin,
                Map.of("failureFactor", 3, "quickLoginCheckMilliSeconds", 1, "permanentLockout", false))) {
            TestUser user = newUser();
            HttpSignIn signIn = signInToCodePage(user);
            String code = inbox.awaitCode(user.email(), 1, MAIL_TIMEOUT);
            for (int tries = 1; tries <= 3; tries++) {
                assertCodePageSays(enterWrongCode(signIn, code, user, tries), "That code is not correct.");
            }
            awaitLockedOut(user);

            assertCodePageSays(signIn.enterCode(code), "Invalid authenticator code.");
        }
    }

    @Test
    void withSmtpDownTheRetryPageAppearsAndTryAgainSignsInOnceSmtpIsBack() throws IOException {
        TestUser user = newUser();
        HttpSignIn signIn = Portal.newSignIn();
        signIn.toChooseAddress(Portal.authorizationUrl(), user.email(), user.password());
        inbox.stop();
        Page failed;
        try {
            // The code is mailed in the background: the page comes back at once, the next one tells the failure.
            assertEquals(HttpSignIn.CODE_PAGE, signIn.chooseAddress().pageId().orElse("none"), signIn.page().body());
            failed = signIn.awaitRetryPage();
        } finally {
            inbox = MailInbox.quiet(VersionedKeycloak.SMTP_PORT);
            inbox.start();
        }
        assertEquals(200, failed.status(), "no sign-in without a sent code");
        assertEquals(HttpSignIn.SEND_FAILED_PAGE, failed.pageId().orElse("none"), failed.body());
        assertTrue(failed.body().contains("We could not send the verification code. Please try again in a moment."), failed.body());

        assertEquals(HttpSignIn.CODE_PAGE, signIn.retrySend().pageId().orElse("none"), signIn.page().body());
        Portal.assertSignedIn(signIn.enterCode(inbox.awaitCode(user.email(), 1, MAIL_TIMEOUT)));
    }

    @Test
    void aResendBeforeTheCooldownEndsIsRefusedInAnAlertWithTheErrorIcon() {
        TestUser user = newUser();
        HttpSignIn signIn = signInToCodePage(user);

        Page refused = signIn.resend();
        assertEquals(HttpSignIn.CODE_PAGE, refused.pageId().orElse("none"), refused.body());
        Matcher alert = Pattern.compile("<div class=\"[^\"]*pf-m-danger\"\\s+role=\"alert\">\\s*<div[^>]*>\\s*<span class=\"([^\"]*)\"></span>"
                + "\\s*</div>\\s*<span[^>]*>Please wait \\d+ seconds before requesting a new code\\.</span>").matcher(refused.body());
        assertTrue(alert.find(), "the cooldown alert:\n" + refused.body());
        assertEquals("fa fa-fw fa-exclamation-circle", alert.group(1), "the alert's icon");
    }

    @Test
    void theStepsCountersReachKeycloaksMetricsEndpoint() {
        MetricsEndpoint metrics = new MetricsEndpoint();
        double sent = metrics.portalCounter("spr_email_code_codes_sent_total", "kind=\"first\"");
        double validated = metrics.portalCounter("spr_email_code_validations_total", null);
        TestUser user = newUser();
        HttpSignIn signIn = signInToCodePage(user);
        Portal.assertSignedIn(signIn.enterCode(inbox.awaitCode(user.email(), 1, MAIL_TIMEOUT)));

        assertEquals(sent + 1, metrics.portalCounter("spr_email_code_codes_sent_total", "kind=\"first\""), "codes sent");
        assertEquals(validated + 1, metrics.portalCounter("spr_email_code_validations_total", null), "codes validated");
    }

    @Test
    void theAdminConsoleOffersTheStepWithEachOfItsSettings() {
        assertTrue(admin.authenticatorIds().contains("email-code"), "email-code among " + admin.authenticatorIds());

        assertEquals(ConfigProperties.ALL.stream().map(p -> p.key() + " (" + p.label() + ")").toList(),
                admin.authenticatorSettings("email-code").stream().map(p -> p.get("name") + " (" + p.get("label") + ")").toList());
    }

    @Test
    void everySignInPageIsTitledWithTheRealmsName() {
        for (Page page : signInPages()) {
            Matcher title = Pattern.compile("<title>([^<]*)</title>").matcher(page.body());
            assertTrue(title.find(), "no <title> on " + page.pageId().orElse(page.uri().toString()));
            assertEquals("Sign in to Package Room Portal", title.group(1).trim(), "the title of " + page.pageId().orElse("?"));
        }
    }

    @Test
    void everyStylesheetScriptFontAndImageTheSignInPagesLoadIsServed() {
        Map<URI, Integer> statuses = new PageResources().statuses(signInPages());

        assertTrue(statuses.keySet().stream().anyMatch(uri -> uri.getPath().endsWith("/css/styles.css")), "keycloak.v2's styles: " + statuses);
        assertEquals("", statuses.entrySet().stream().filter(e -> e.getValue() != 200)
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining("\n")), "resources that do not answer 200");
    }

    /** The login page, "Verify your identity" and the code page of one sign-in. */
    private List<Page> signInPages() {
        TestUser user = newUser();
        HttpSignIn signIn = Portal.newSignIn();
        Page login = signIn.open(Portal.authorizationUrl());
        Page choose = signIn.toChooseAddress(Portal.authorizationUrl(), user.email(), user.password());
        Page code = signIn.chooseAddress();
        assertEquals(HttpSignIn.CODE_PAGE, code.pageId().orElse("none"), code.body());
        return Stream.of(login, choose, code).toList();
    }

    /** Password, "Verify your identity", a click on the address: the code is on its way. */
    private static HttpSignIn signInToCodePage(TestUser user) {
        HttpSignIn signIn = Portal.newSignIn();
        signIn.toChooseAddress(Portal.authorizationUrl(), user.email(), user.password());
        assertEquals(HttpSignIn.CODE_PAGE, signIn.chooseAddress().pageId().orElse("none"), signIn.page().body());
        return signIn;
    }

    private TestUser newUser() {
        return admin.createUser("matrix-" + version.replace('.', '-') + "-" + USERS.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36), PASSWORD);
    }

    /**
     * Enters a wrong code as a person would: not before Keycloak has recorded the previous failure. Keycloak records
     * failures in the background and, until it has, refuses every other request of that user as if locked out
     * (its blocking brute-force protector, on by default in every 26.x), which a script posting at once runs into.
     */
    private Page enterWrongCode(HttpSignIn signIn, String code, TestUser user, int failuresAfter) {
        Page page = signIn.enterCode(wrong(code));
        awaitUntil(() -> admin.recordedFailures(user) >= failuresAfter, "failure " + failuresAfter + " recorded");
        return page;
    }

    private void awaitLockedOut(TestUser user) {
        awaitUntil(() -> admin.isLockedOut(user), "the user locked out");
    }

    private static void awaitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 15 s: " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void assertCodePageSays(Page page, String text) {
        assertEquals(200, page.status(), "still on the code page, not signed in: " + page.uri());
        assertEquals(HttpSignIn.CODE_PAGE, page.pageId().orElse("none"), page.body());
        assertTrue(page.body().contains(text), "expected \"" + text + "\" on the code page:\n" + page.body());
    }

    /** The same length and digits, one changed: wrong, but well-formed, so it counts as a try. */
    private static String wrong(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    private static long seconds(long fromNanos, long toNanos) {
        return Math.round((toNanos - fromNanos) / 1e9);
    }
}
