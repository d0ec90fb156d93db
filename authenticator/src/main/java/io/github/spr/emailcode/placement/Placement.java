package io.github.spr.emailcode.placement;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

/**
 * Whether the step, placed with {@code own} requirement among {@code siblings} in one flow, can be skipped by a user
 * who has only the password. Required is never skipped; Disabled is the admin's explicit choice. Alternative works
 * only beside other second factors (OTP, WebAuthn, recovery codes: the user chooses one through "Try another way"):
 * beside a Required step Keycloak ignores every Alternative, and beside anything else the user can pick that instead.
 */
final class Placement {

    /** Another execution in the same flow. */
    record Sibling(String name, Requirement requirement, Kind kind) {
        enum Kind { CONDITION, SECOND_FACTOR, OTHER_STEP, SUB_FLOW }
    }

    private Placement() {
    }

    /** @return why the step can be skipped, in English for the server log; empty when it cannot */
    static Optional<String> problem(Requirement own, List<Sibling> siblings) {
        if (own != Requirement.ALTERNATIVE) {
            return Optional.empty();
        }
        List<Sibling> required = siblings.stream()
                .filter(s -> s.kind() != Sibling.Kind.CONDITION)
                .filter(s -> s.requirement() == Requirement.REQUIRED || s.requirement() == Requirement.CONDITIONAL)
                .toList();
        if (!required.isEmpty()) {
            return Optional.of("it is Alternative beside " + names(required)
                    + ", and Keycloak ignores Alternative steps beside Required ones, so this flow never asks for the code");
        }
        List<Sibling> insteadOfTheCode = siblings.stream()
                .filter(s -> s.requirement() == Requirement.ALTERNATIVE)
                .filter(s -> s.kind() == Sibling.Kind.OTHER_STEP || s.kind() == Sibling.Kind.SUB_FLOW)
                .toList();
        if (!insteadOfTheCode.isEmpty()) {
            return Optional.of("it is Alternative beside " + names(insteadOfTheCode) + ", which users can choose instead of the code");
        }
        return Optional.empty();
    }

    private static String names(List<Sibling> siblings) {
        return siblings.stream().map(s -> "'" + s.name() + "' (" + s.requirement() + ")").collect(Collectors.joining(", "));
    }
}
