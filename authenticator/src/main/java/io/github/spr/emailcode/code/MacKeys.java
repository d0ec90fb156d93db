package io.github.spr.emailcode.code;

import java.util.Optional;

/** Where code MAC keys come from; in Keycloak, the realm's HMAC key (the same on every cluster node). */
public interface MacKeys {

    /** The key new codes are bound to. */
    MacKey active();

    /** The key a stored code was bound to, if the realm still has it. */
    Optional<MacKey> byId(String id);
}
