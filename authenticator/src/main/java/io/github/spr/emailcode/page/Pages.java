package io.github.spr.emailcode.page;

import io.github.spr.emailcode.text.LifetimeText;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/** Renders the step's pages for one request. */
public final class Pages {

    private final AuthenticationFlowContext context;
    private final String shownAddress;
    private final int codeLifetimeSeconds;
    private final IntSupplier resendWaitSeconds;

    /**
     * @param shownAddress      the address as the pages show it (masked or not), null when the user has none
     * @param resendWaitSeconds asked only when the code page is rendered: it reads the user's cooldown
     */
    public Pages(AuthenticationFlowContext context, String shownAddress, int codeLifetimeSeconds, IntSupplier resendWaitSeconds) {
        this.context = context;
        this.shownAddress = shownAddress;
        this.codeLifetimeSeconds = codeLifetimeSeconds;
        this.resendWaitSeconds = resendWaitSeconds;
    }

    public Response render(Page page, PageMessage message) {
        // Every page of the step knows its own address, for email-code.js to put in the address bar after a post.
        LoginFormsProvider form = context.form().setAttribute("emailCodeStepUrl", context.getRefreshExecutionUrl().toString());
        if (shownAddress != null) {
            form.setAttribute("emailCodeAddress", shownAddress);
        }
        if (page == Page.CODE) {
            Map<String, Object> lifetime = new HashMap<>();
            LifetimeText.put(lifetime, "emailCodeLifetimeMinutes", "emailCodeLifetimeSeconds", codeLifetimeSeconds);
            lifetime.forEach(form::setAttribute);
            form.setAttribute("emailCodeResendWaitSeconds", Integer.toString(resendWaitSeconds.getAsInt()));
        }
        if (message != null) {
            show(form, message);
        }
        return form.createForm(page.template);
    }

    private static void show(LoginFormsProvider form, PageMessage message) {
        if (message.kind() == PageMessage.Kind.SUCCESS) {
            form.setSuccess(message.key(), message.params());
        } else if (message.field() != null) {
            form.addError(new FormMessage(message.field(), message.key(), message.params()));
        } else {
            form.setError(message.key(), message.params());
        }
    }
}
