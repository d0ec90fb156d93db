package io.github.spr.emailcode.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.spr.emailcode.page.Pages;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.mockito.invocation.Invocation;

class OutcomeReportTest {

    private final Map<String, String> notes = new HashMap<>();
    private final List<EventBuilder> builders = new ArrayList<>();
    private AuthenticationFlowContext context;
    private EventBuilder loginEvent;
    private OutcomeReport report;

    @BeforeEach
    void aRequestOfTheStep() {
        context = mock(AuthenticationFlowContext.class);
        loginEvent = builder();
        when(context.getEvent()).thenReturn(loginEvent);
        RealmModel realm = mock(RealmModel.class);
        when(realm.getName()).thenReturn("portal");
        when(context.getRealm()).thenReturn(realm);
        when(context.getUser()).thenReturn(mock(UserModel.class));
        AuthenticationSessionModel authSession = mock(AuthenticationSessionModel.class);
        when(authSession.getAuthNote(anyString())).thenAnswer(i -> notes.get(i.<String>getArgument(0)));
        doAnswer(i -> notes.put(i.getArgument(0), i.getArgument(1))).when(authSession).setAuthNote(anyString(), anyString());
        doAnswer(i -> notes.remove(i.<String>getArgument(0))).when(authSession).removeAuthNote(anyString());
        when(context.getAuthenticationSession()).thenReturn(authSession);
        Pages pages = mock(Pages.class);
        when(pages.render(any(), any())).thenReturn(Response.ok().build());
        report = new OutcomeReport(context, "j\u2022\u2022\u2022@acme.com", pages, () -> true);
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void everyOutcomeWritesTheEventsItDeclares(Outcome outcome) {
        report.report(outcome, "1");
        List<String> written = writtenEvents();
        for (EventSpec spec : outcome.events) {
            if (spec.type() == null && spec.error() == null) {
                assertEquals(spec.detail(), lastDetail(loginEvent), "a detail for the LOGIN event Keycloak writes at the end");
            } else {
                String type = spec.type() == null ? "LOGIN" : spec.type().name();
                assertTrue(written.contains(type + "/" + spec.error() + "/" + spec.detail()), outcome + " wrote " + written);
            }
        }
        assertEquals(outcome.events.stream().filter(e -> e.type() != null || e.error() != null).count(), written.size(), outcome + " wrote " + written);
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void everyOutcomeThatIsCountedOrStopsALoginWritesAnEvent(Outcome outcome) {
        if (!outcome.metrics.isEmpty() || outcome.stops()) {
            assertFalse(outcome.events.isEmpty(), outcome + " counts or stops, so an admin must be able to find it in the events");
        }
    }

    @Test
    void aStopIsReportedOncePerLoginHoweverOftenThePageIsReloaded() {
        report.report(Outcome.WRONG_CODE_USED_UP_BUDGET, "24");
        report.report(Outcome.WRONG_CODE_BUDGET_USED_UP, "24");
        report.report(Outcome.WRONG_CODE_BUDGET_USED_UP, "24");
        assertEquals(java.util.Set.of("LOGIN/slow_down/wrong_code_budget_exhausted", "LOGIN/invalid_user_credentials/wrong_code"),
                java.util.Set.copyOf(writtenEvents()));
        assertEquals(2, writtenEvents().size(), "nothing more after the first stop");
    }

    @Test
    void aLockoutThatIsLiftedAndComesBackIsANewStop() {
        report.report(Outcome.LOCKED_OUT_TEMPORARILY);
        report.lockoutLifted();
        report.report(Outcome.LOCKED_OUT_TEMPORARILY);
        assertEquals(2, writtenEvents().size());
    }

    @Test
    void aWrongCodeIsAFailedCredentialForBruteForceDetection() {
        report.report(Outcome.WRONG_CODE, "4");
        verify(context).failureChallenge(any(AuthenticationFlowError.class), any());
        verify(context, never()).challenge(any());
    }

    @Test
    void aRightCodeIsAnOtpCredential() {
        report.report(Outcome.VALIDATED);
        verify(context).success("otp");
    }

    @Test
    void sentCodesCarryTheMaskedAddressNeverTheFullOne() {
        report.report(Outcome.CODE_SENT);
        EventBuilder sent = builders.stream().filter(b -> invoked(b, "event").contains(EventType.SEND_VERIFY_EMAIL)).findFirst().orElseThrow();
        verify(sent).detail("email", "j\u2022\u2022\u2022@acme.com");
    }

    private EventBuilder builder() {
        EventBuilder builder = mock(EventBuilder.class, RETURNS_SELF);
        when(builder.clone()).thenAnswer(i -> builder());
        builders.add(builder);
        return builder;
    }

    /** "TYPE/error/detail" of every event sent (error or success), in the order the builders were made. */
    private List<String> writtenEvents() {
        List<String> events = new ArrayList<>();
        for (EventBuilder builder : builders) {
            String type = "LOGIN";
            String detail = null;
            for (Invocation call : mockingDetails(builder).getInvocations()) {
                switch (call.getMethod().getName()) {
                    case "event" -> type = ((EventType) call.getArgument(0)).name();
                    case "detail" -> {
                        if (OutcomeReport.EVENT_DETAIL.equals(call.getArgument(0))) {
                            detail = call.getArgument(1);
                        }
                    }
                    case "error" -> events.add(type + "/" + call.getArgument(0) + "/" + detail);
                    case "success" -> events.add(type + "/null/" + detail);
                    default -> { }
                }
            }
        }
        return events;
    }

    private static String lastDetail(EventBuilder builder) {
        String detail = null;
        for (Invocation call : mockingDetails(builder).getInvocations()) {
            if (call.getMethod().getName().equals("detail") && OutcomeReport.EVENT_DETAIL.equals(call.getArgument(0))) {
                detail = call.getArgument(1);
            }
        }
        return detail;
    }

    private static List<Object> invoked(EventBuilder builder, String method) {
        return mockingDetails(builder).getInvocations().stream().filter(i -> i.getMethod().getName().equals(method))
                .map(i -> i.getArgument(0)).toList();
    }
}
