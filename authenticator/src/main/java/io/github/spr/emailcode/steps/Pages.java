package io.github.spr.emailcode.steps;

import io.github.spr.emailcode.config.EmailCodeConfig;
import io.github.spr.emailcode.mail.EmailMasker;
import io.github.spr.emailcode.mail.LifetimeText;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;

/** Renders the step's pages; callers add the page's message, if any. */
final class Pages {

    static final String CHOOSE = "email-code-choose.ftl";
    static final String CODE = "email-code-form.ftl";
    static final String UNAVAILABLE = "email-code-unavailable.ftl";
    static final String SEND_FAILED = "email-code-send-failed.ftl";

    private Pages() {
    }

    static String shownAddress(String email, EmailCodeConfig config) {
        return config.maskEmail() ? EmailMasker.mask(email) : email;
    }

    static Response choose(AuthenticationFlowContext context, String shownAddress, UnaryOperator<LoginFormsProvider> message) {
        return message.apply(form(context).setAttribute("emailCodeAddress", shownAddress)).createForm(CHOOSE);
    }

    static Response code(AuthenticationFlowContext context, String shownAddress, EmailCodeConfig config, int resendWaitSeconds,
                         UnaryOperator<LoginFormsProvider> message) {
        Map<String, Object> lifetime = new HashMap<>();
        LifetimeText.put(lifetime, "emailCodeLifetimeMinutes", "emailCodeLifetimeSeconds", config.codeLifetimeSeconds());
        LoginFormsProvider form = form(context)
                .setAttribute("emailCodeAddress", shownAddress)
                .setAttribute("emailCodeResendWaitSeconds", Integer.toString(resendWaitSeconds));
        lifetime.forEach(form::setAttribute);
        return message.apply(form).createForm(CODE);
    }

    static Response unavailable(AuthenticationFlowContext context, String messageKey, Object... params) {
        return form(context).setError(messageKey, params).createForm(UNAVAILABLE);
    }

    static Response sendFailed(AuthenticationFlowContext context, String shownAddress) {
        return form(context).setAttribute("emailCodeAddress", shownAddress)
                .setError(MessageKeys.SEND_FAILED).createForm(SEND_FAILED);
    }

    /** Every page of the step knows its own address, for email-code.js to put in the address bar after a post. */
    private static LoginFormsProvider form(AuthenticationFlowContext context) {
        return context.form().setAttribute("emailCodeStepUrl", context.getRefreshExecutionUrl().toString());
    }
}
