package io.github.spr.emailcode.code;

import java.util.Optional;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Code MAC keys from the realm's HMAC key provider ({@code hmac-generated-hs512} by default). The key is stored in
 * the database, so every cluster node computes the same MAC; looking it up by id keeps codes valid across a rotation
 * while the old key is still enabled.
 */
public final class RealmMacKeys implements MacKeys {

    private final KeycloakSession session;
    private final RealmModel realm;

    public RealmMacKeys(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    @Override
    public MacKey active() {
        return toMacKey(session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512));
    }

    @Override
    public Optional<MacKey> byId(String id) {
        return Optional.ofNullable(session.keys().getKey(realm, id, KeyUse.SIG, Algorithm.HS512)).map(RealmMacKeys::toMacKey);
    }

    private static MacKey toMacKey(KeyWrapper key) {
        return new MacKey(key.getKid(), key.getSecretKey().getEncoded());
    }
}
