package io.github.spr.emailcode.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.spr.emailcode.config.ConfigKeys;
import io.github.spr.emailcode.config.EmailCodeConfig;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecipientTest {

    @Test
    void aVerifiedAddressGetsACodeByDefault() {
        assertEquals(Optional.empty(), Recipient.refusal("jane@acme.com", true, EmailCodeConfig.DEFAULTS));
    }

    @Test
    void anUnverifiedAddressGetsACodeByDefault() {
        assertEquals(Optional.empty(), Recipient.refusal("jane@acme.com", false, EmailCodeConfig.DEFAULTS));
    }

    @Test
    void anUnverifiedAddressIsRefusedWhenConfigured() {
        EmailCodeConfig strict = EmailCodeConfig.from(Map.of(ConfigKeys.ALLOW_UNVERIFIED_EMAIL, "false"));
        assertEquals(Optional.of(Refusal.UNVERIFIED_EMAIL), Recipient.refusal("jane@acme.com", false, strict));
        assertEquals(Optional.empty(), Recipient.refusal("jane@acme.com", true, strict));
    }

    @Test
    void noAddressIsRefused() {
        assertEquals(Optional.of(Refusal.NO_EMAIL), Recipient.refusal(null, false, EmailCodeConfig.DEFAULTS));
    }

    @Test
    void anAddressOutsideTheCorporateDomainsIsRefused() {
        EmailCodeConfig corporate = EmailCodeConfig.from(Map.of(ConfigKeys.ALLOWED_DOMAINS, "acme.com"));
        assertEquals(Optional.of(Refusal.DOMAIN_NOT_ALLOWED), Recipient.refusal("jane@gmail.com", true, corporate));
        assertEquals(Optional.empty(), Recipient.refusal("jane@acme.com", true, corporate));
    }
}
