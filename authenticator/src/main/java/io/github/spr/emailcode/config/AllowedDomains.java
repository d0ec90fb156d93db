package io.github.spr.emailcode.config;

import java.util.Locale;
import java.util.Set;

/** The corporate domains a code may be sent to; {@link #ANY} when the admin listed none. */
public record AllowedDomains(boolean restricted, Set<String> domains) {

    public static final AllowedDomains ANY = new AllowedDomains(false, Set.of());

    public AllowedDomains {
        domains = Set.copyOf(domains);
    }

    static AllowedDomains only(java.util.Collection<String> domains) {
        return new AllowedDomains(true, Set.copyOf(domains));
    }

    /** Exact, case-insensitive match of the part after the last "@"; a subdomain is a different domain. */
    public boolean permits(String email) {
        if (!restricted) {
            return true;
        }
        int at = email.lastIndexOf('@');
        return at > 0 && domains.contains(email.substring(at + 1).trim().toLowerCase(Locale.ROOT));
    }
}
