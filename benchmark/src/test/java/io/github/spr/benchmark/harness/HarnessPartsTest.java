package io.github.spr.benchmark.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small parts the figures rest on: if one of these is wrong, every number printed is wrong. */
class HarnessPartsTest {

    @Test
    void totpMatchesRfc6238() {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082; six digits are its last six.
        assertEquals("287082", Totp.code("12345678901234567890".getBytes(StandardCharsets.US_ASCII), 59 / 30));
        assertEquals("287082", Totp.code("12345678901234567890", 59_000));
    }

    @Test
    void cpuTicksAreUtimePlusStimeEvenWithSpacesInTheCommand() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194304 1000 0 0 0 1234 567 0 0 20 0 80 0 100 0 0";
        assertEquals(1234 + 567, ProcessCpu.parseCpuTicks(stat));
    }

    @Test
    void machineBusyTimeLeavesOutIdleAndIowait() {
        assertEquals(10 + 20 + 30 + 60 + 70 + 80, MachineCpu.parseBusyTicks("cpu  10 20 30 40000 50 60 70 80 0 0"));
    }

    @Test
    void liveBytesAndTheirClassesAreReadFromTheClassHistogram() {
        String histogram = "4242:\n num     #instances         #bytes  class name (module)\n"
                + "-------------------------------------------------------\n"
                + "   1:        120000       9600000  [B (java.base@17.0.15)\n"
                + "   2:          5000        120000  java.lang.String (java.base@17.0.15)\n"
                + "Total        125000       9720000\n";
        Jcmd.Histogram parsed = Jcmd.histogram(histogram);
        assertEquals(9_720_000L, parsed.totalBytes());
        assertEquals(120_000L, parsed.bytesByClass().get("java.lang.String"));
    }

    @Test
    void theIssueAndVerifyFigureIsFoundInJmhText() {
        String jmh = "Benchmark                      Mode  Cnt  Score   Error  Units\n"
                + "CodeBenchmark.codeMac          avgt    5  1.234 ± 0.010  us/op\n"
                + "CodeBenchmark.issueThenVerify  avgt    5  4.567 ± 0.020  us/op\n";
        assertEquals(Optional.of(4.567), Report.issueAndVerifyMicros(jmh));
    }

    @Test
    void theCodeIsFoundInAMultipartMail() {
        String mail = """
                From: no-reply@portal.localhost\r
                To: bench-00001@bench.example\r
                Subject: Your code\r
                MIME-Version: 1.0\r
                Content-Type: multipart/alternative; boundary="b1"\r
                \r
                --b1\r
                Content-Type: text/plain; charset=UTF-8\r
                Content-Transfer-Encoding: quoted-printable\r
                \r
                Enter this code to sign in =E2=80=94 it expires in 10 minutes.\r
                \r
                    012345\r
                \r
                --b1\r
                Content-Type: text/html; charset=UTF-8\r
                \r
                <p>999999</p>\r
                --b1--\r
                """;
        assertEquals(Optional.of("012345"), RelaySmtpServer.codeIn(mail.getBytes(StandardCharsets.US_ASCII)));
        assertEquals("bench-00001@bench.example", RelaySmtpServer.address("RCPT TO:<bench-00001@bench.example>"));
    }

    @Test
    void windowsInterleaveTheFlowsAfterTheWarmUpAndEndWithTheSlowRelay() {
        BenchSettings settings = new BenchSettings(null, null, null, false, 4, 10, 20, 2, java.util.List.of(0L, 300L), 15,
                3000, 2000, true, "-Xmx1g");
        var plan = WindowPlan.of(settings);
        assertEquals(3 + 6 + 1, plan.size());
        assertEquals(Window.Kind.WARMUP, plan.get(0).kind());
        assertEquals(Flow.PASSWORD, plan.get(3).flow());
        assertEquals(Flow.OTP, plan.get(4).flow());
        assertEquals(Flow.EMAIL, plan.get(5).flow());
        assertEquals(Flow.PASSWORD, plan.get(6).flow());
        Window last = plan.get(plan.size() - 1);
        assertTrue(last.kind() == Window.Kind.RELAY && last.relayDelayMillis() == 300 && last.seconds() == 15);
    }
}
