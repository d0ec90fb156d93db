package io.github.spr.emailcode.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.placement.Placement.Sibling;
import io.github.spr.emailcode.placement.Placement.Sibling.Kind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

class PlacementTest {

    private static final Sibling PASSWORD_REQUIRED = new Sibling("auth-username-password-form", Requirement.REQUIRED, Kind.OTHER_STEP);

    @Test
    void requiredAfterThePasswordCannotBeSkipped() {
        assertEquals(Optional.empty(), Placement.problem(Requirement.REQUIRED, List.of(PASSWORD_REQUIRED)));
    }

    @Test
    void alternativeBesideARequiredStepIsIgnoredByKeycloakSoTheLoginIsPasswordOnly() {
        Optional<String> problem = Placement.problem(Requirement.ALTERNATIVE, List.of(PASSWORD_REQUIRED));
        assertTrue(problem.orElseThrow().contains("Keycloak ignores Alternative steps beside Required ones"), problem.orElseThrow());
        assertTrue(problem.orElseThrow().contains("auth-username-password-form"));
    }

    @Test
    void alternativeBesideAConditionalSubFlowIsIgnoredToo() {
        Sibling twoFactor = new Sibling("Browser - Conditional 2FA", Requirement.CONDITIONAL, Kind.SUB_FLOW);
        assertTrue(Placement.problem(Requirement.ALTERNATIVE, List.of(twoFactor)).isPresent());
    }

    @Test
    void alternativeBesideOtpAndWebAuthnInTheConditional2faSubFlowIsFine() {
        List<Sibling> conditional2fa = List.of(
                new Sibling("conditional-user-configured", Requirement.REQUIRED, Kind.CONDITION),
                new Sibling("auth-otp-form", Requirement.ALTERNATIVE, Kind.SECOND_FACTOR),
                new Sibling("webauthn-authenticator", Requirement.DISABLED, Kind.SECOND_FACTOR));
        assertEquals(Optional.empty(), Placement.problem(Requirement.ALTERNATIVE, conditional2fa));
    }

    @Test
    void alternativeBesideAStepThatIsNoSecondFactorLetsUsersPickThatInstead() {
        Sibling cookie = new Sibling("auth-cookie", Requirement.ALTERNATIVE, Kind.OTHER_STEP);
        Optional<String> problem = Placement.problem(Requirement.ALTERNATIVE, List.of(cookie));
        assertTrue(problem.orElseThrow().contains("users can choose instead of the code"), problem.orElseThrow());
    }

    @Test
    void disabledIsTheAdminsExplicitChoice() {
        assertEquals(Optional.empty(), Placement.problem(Requirement.DISABLED, List.of(PASSWORD_REQUIRED)));
    }
}
