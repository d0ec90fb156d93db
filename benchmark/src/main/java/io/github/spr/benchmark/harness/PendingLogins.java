package io.github.spr.benchmark.harness;

import io.github.spr.emailcode.page.FormFields;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Logins driven up to the page where they wait for the second factor, and left there: what the server then holds
 * for each of them is what a crowd of users reading their mail costs in heap.
 */
public final class PendingLogins {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final RelaySmtpServer smtp;

    public PendingLogins(RelaySmtpServer smtp) {
        this.smtp = smtp;
    }

    /** @return how many of the logins reached their waiting page */
    public int open(Flow flow, List<Account> accounts, int concurrency) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Boolean>> results = pool.invokeAll(accounts.stream().map(a -> (java.util.concurrent.Callable<Boolean>) () -> open(flow, a)).toList());
            int reached = 0;
            for (Future<Boolean> result : results) {
                try {
                    reached += result.get() ? 1 : 0;
                } catch (java.util.concurrent.ExecutionException e) {
                    // counted as not reached
                }
            }
            return reached;
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private boolean open(Flow flow, Account account) throws Exception {
        FormBrowser browser = new FormBrowser(http);
        HttpResponse<String> login = browser.get(BenchmarkServer.URL + LoginUrls.authorization(flow, UUID.randomUUID().toString(), UUID.randomUUID().toString()));
        HttpResponse<String> next = browser.post(FormBrowser.formAction(login.body()),
                Map.of("username", account.email(), "password", account.password(), "credentialId", ""));
        return switch (flow) {
            case OTP -> next.statusCode() == 200 && next.body().contains("name=\"otp\"");
            case EMAIL -> {
                HttpResponse<String> codePage = browser.post(FormBrowser.formAction(next.body()), Map.of(FormFields.ACTION, FormFields.SEND));
                yield codePage.statusCode() == 200 && codePage.body().contains("id=\"email-code-form\"")
                        && smtp.awaitCode(account.email(), java.time.Duration.ofSeconds(30)).isPresent();
            }
            case PASSWORD -> throw new IllegalArgumentException("a password-only login does not wait anywhere");
        };
    }
}
