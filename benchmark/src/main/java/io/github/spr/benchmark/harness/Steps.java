package io.github.spr.benchmark.harness;

import java.util.List;

/** The requests of each flow, in order: their names in Gatling's report and in the printed table. */
public final class Steps {

    public static final String LOGIN_PAGE = "1 GET login page";
    public static final String PASSWORD_TO_PORTAL = "2 POST password -> 302";
    public static final String PASSWORD_TO_OTP = "2 POST password -> OTP form";
    public static final String OTP_TO_PORTAL = "3 POST TOTP -> 302";
    public static final String PASSWORD_TO_ADDRESS = "2 POST password -> address page";
    /** The click on the address: the code is made, mailed, and the code page rendered. */
    public static final String ADDRESS_CLICK = "3 POST address click -> code page";
    public static final String CODE_TO_PORTAL = "4 POST code -> 302";

    private Steps() {
    }

    public static List<String> of(Flow flow) {
        return switch (flow) {
            case PASSWORD -> List.of(LOGIN_PAGE, PASSWORD_TO_PORTAL);
            case OTP -> List.of(LOGIN_PAGE, PASSWORD_TO_OTP, OTP_TO_PORTAL);
            case EMAIL -> List.of(LOGIN_PAGE, PASSWORD_TO_ADDRESS, ADDRESS_CLICK, CODE_TO_PORTAL);
        };
    }

    public static String last(Flow flow) {
        List<String> steps = of(flow);
        return steps.get(steps.size() - 1);
    }
}
