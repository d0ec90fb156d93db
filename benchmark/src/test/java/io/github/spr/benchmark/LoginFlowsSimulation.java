package io.github.spr.benchmark;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import io.github.spr.benchmark.harness.Account;
import io.github.spr.benchmark.harness.BenchmarkRun;
import io.github.spr.benchmark.harness.BenchmarkServer;
import io.github.spr.benchmark.harness.Flow;
import io.github.spr.benchmark.harness.LoginUrls;
import io.github.spr.benchmark.harness.Steps;
import io.github.spr.emailcode.page.FormFields;
import io.github.spr.benchmark.harness.Totp;
import io.github.spr.benchmark.harness.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Complete browser-flow sign-ins over HTTP, one flow per window, windows one after the other (a window starts when
 * every login of the one before has finished). Each virtual user is one browser doing one login, from the login
 * page to the 302 back to the portal, which is not followed. Everything around the load (server, relay, realm,
 * heap, profile, report) is {@link BenchmarkRun}'s.
 */
public class LoginFlowsSimulation extends Simulation {

    private static final String FORM_ACTION = "<form[^>]*\\saction=\"([^\"]*login-actions/authenticate[^\"]*)\"";
    private static final String BACK_TO_PORTAL = "^" + Pattern.quote(LoginUrls.REDIRECT_URI) + "\\?.*code=";
    /** The code is mailed before the click's response; the wait only covers a relay that is slow to store it. */
    private static final int MAX_CODE_POLLS = 500;

    private final BenchmarkRun run = BenchmarkRun.instance();

    private final HttpProtocolBuilder protocol = http.baseUrl(BenchmarkServer.URL)
            .disableFollowRedirect()
            .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            .acceptLanguageHeader("en")
            .userAgentHeader("spr-benchmark (Gatling)");

    {
        List<PopulationBuilder> windows = new ArrayList<>();
        for (Window window : run.plan()) {
            windows.add(scenario(String.format("%02d %s", window.index() + 1, window.series()))
                    .exec(login(window))
                    .injectClosed(constantConcurrentUsers(run.settings().concurrentUsers()).during(Duration.ofSeconds(window.seconds()))));
        }
        PopulationBuilder sequence = windows.get(windows.size() - 1);
        for (int i = windows.size() - 2; i >= 0; i--) {
            sequence = windows.get(i).andThen(sequence);
        }
        // Only the machinery is asserted: every flow completed at least one login. Timings never fail a run.
        List<Assertion> assertions = new ArrayList<>();
        for (Flow flow : Flow.values()) {
            assertions.add(details(flow.key + ": " + Steps.last(flow)).successfulRequests().count().gt(0L));
        }
        setUp(sequence).protocols(protocol).assertions(assertions);
    }

    @Override
    public void before() {
        try {
            run.start();
        } catch (Exception e) {
            throw new IllegalStateException("the benchmark could not start: " + e.getMessage(), e);
        }
    }

    @Override
    public void after() {
        try {
            run.finish();
        } catch (Exception e) {
            throw new IllegalStateException("the benchmark could not finish: " + e.getMessage(), e);
        }
    }

    private ChainBuilder login(Window window) {
        int index = window.index();
        Flow flow = window.flow();
        String prefix = window.series() + ": ";
        ChainBuilder chain = exec(session -> {
            run.loginStarted(index);
            Account account = run.nextAccount(flow);
            return session.set("email", account.email()).set("password", account.password()).set("totpSecret", account.totpSecret());
        }).exec(timed(index, Steps.LOGIN_PAGE, http(prefix + Steps.LOGIN_PAGE)
                .get(session -> LoginUrls.authorization(flow, UUID.randomUUID().toString(), UUID.randomUUID().toString()))
                .check(status().is(200), formAction())));

        HttpRequestActionBuilder password = http(prefix + Steps.of(flow).get(1)).post("#{action}")
                .formParam("username", "#{email}").formParam("password", "#{password}").formParam("credentialId", "");
        chain = switch (flow) {
            case PASSWORD -> chain.exec(timed(index, Steps.PASSWORD_TO_PORTAL, password.check(status().is(302), backToPortal())));
            case OTP -> chain
                    .exec(timed(index, Steps.PASSWORD_TO_OTP, password.check(status().is(200), substring("name=\"otp\"").exists(), formAction())))
                    .exec(timed(index, Steps.OTP_TO_PORTAL, http(prefix + Steps.OTP_TO_PORTAL).post("#{action}")
                            .formParam("otp", session -> Totp.code(session.getString("totpSecret"), System.currentTimeMillis()))
                            .check(status().is(302), backToPortal())));
            case EMAIL -> chain
                    .exec(timed(index, Steps.PASSWORD_TO_ADDRESS, password.check(status().is(200),
                            substring("id=\"email-code-choose-form\"").exists(), formAction())))
                    .exec(timed(index, Steps.ADDRESS_CLICK, http(prefix + Steps.ADDRESS_CLICK).post("#{action}")
                            .formParam(FormFields.ACTION, FormFields.SEND)
                            .check(status().is(200), substring("id=\"email-code-form\"").exists(), formAction())))
                    .exec(codeFromRelay())
                    .exec(timed(index, Steps.CODE_TO_PORTAL, http(prefix + Steps.CODE_TO_PORTAL).post("#{action}")
                            .formParam(FormFields.CODE, "#{code}").formParam(FormFields.ACTION, FormFields.VALIDATE)
                            .check(status().is(302), backToPortal())));
        };
        return chain.exec(session -> {
            run.loginDone(index);
            return session;
        });
    }

    /** The request, then stop this login if it failed, else record its response time for the printed table. */
    private ChainBuilder timed(int window, String step, HttpRequestActionBuilder request) {
        return exec(request.check(responseTimeInMillis().saveAs("rt")))
                .exitHereIfFailed()
                .exec(session -> {
                    run.record(window, step, session.getInt("rt"));
                    return session;
                });
    }

    /** Polls the relay without blocking Gatling's threads. */
    private ChainBuilder codeFromRelay() {
        return exec(session -> takeCode(session).set("polls", 0))
                .asLongAs(session -> session.getString("code").isEmpty() && session.getInt("polls") < MAX_CODE_POLLS).on(
                        pause(Duration.ofMillis(10)).exec(session -> takeCode(session).set("polls", session.getInt("polls") + 1)))
                .exec(session -> session.getString("code").isEmpty() ? session.markAsFailed() : session)
                .exitHereIfFailed();
    }

    private Session takeCode(Session session) {
        return session.set("code", run.smtp().takeCode(session.getString("email")).orElse(""));
    }

    private static CheckBuilder formAction() {
        return regex(FORM_ACTION).transform(action -> action.replace("&amp;", "&")).saveAs("action");
    }

    private static CheckBuilder backToPortal() {
        return headerRegex("Location", BACK_TO_PORTAL).exists();
    }
}
