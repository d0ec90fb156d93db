package io.github.spr.emailcode.step;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.spr.emailcode.config.ConfigProperties;
import io.github.spr.emailcode.config.EmailCodeConfig;
import io.github.spr.emailcode.outcome.Outcome;
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
        EmailCodeConfig strict = EmailCodeConfig.from(Map.of(ConfigProperties.ALLOW_UNVERIFIED_EMAIL.key(), "false"));
        assertEquals(Optional.of(Outcome.UNVERIFIED_EMAIL), Recipient.refusal("jane@acme.com", false, strict));
        assertEquals(Optional.empty(), Recipient.refusal("jane@acme.com", true, strict));
    }

    @Test
    void noAddressIsRefused() {
        assertEquals(Optional.of(Outcome.NO_EMAIL), Recipient.refusal(null, false, EmailCodeConfig.DEFAULTS));
    }

    @Test
    void anAddressOutsideTheCorporateDomainsIsRefused() {
        EmailCodeConfig corporate = EmailCodeConfig.from(Map.of(ConfigProperties.ALLOWED_DOMAINS.key(), "acme.com"));
        assertEquals(Optional.of(Outcome.DOMAIN_NOT_ALLOWED), Recipient.refusal("jane@gmail.com", true, corporate));
        assertEquals(Optional.empty(), Recipient.refusal("jane@acme.com", true, corporate));
    }
}
