package io.github.spr.emailcode.steps;

import io.github.spr.emailcode.mail.EmailMasker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.keycloak.authentication.AuthenticationSelectionOption;
import org.keycloak.forms.login.freemarker.model.AuthenticationContextBean;

/**
 * Keycloak's login layout repeats the attempted username above every form (with its "restart login" button).
 * In a realm where people sign in with their email, that is the full address; with masking on, this shows it
 * masked too, so the address appears nowhere in full on the step's pages.
 */
public final class MaskedAttemptedUsername {

    private final AuthenticationContextBean original;

    private MaskedAttemptedUsername(AuthenticationContextBean original) {
        this.original = original;
    }

    static Function<Map<String, Object>, Map<String, Object>> attributeMapper() {
        return attributes -> {
            if (!(attributes.get("auth") instanceof AuthenticationContextBean auth)) {
                return attributes;
            }
            Map<String, Object> mapped = new HashMap<>(attributes);
            mapped.put("auth", new MaskedAttemptedUsername(auth));
            return mapped;
        };
    }

    public List<AuthenticationSelectionOption> getAuthenticationSelections() {
        return original.getAuthenticationSelections();
    }

    public boolean showTryAnotherWayLink() {
        return original.showTryAnotherWayLink();
    }

    public boolean showUsername() {
        return original.showUsername();
    }

    public boolean showResetCredentials() {
        return original.showResetCredentials();
    }

    public String getAttemptedUsername() {
        String attempted = original.getAttemptedUsername();
        return attempted != null && attempted.contains("@") ? EmailMasker.mask(attempted) : attempted;
    }
}
