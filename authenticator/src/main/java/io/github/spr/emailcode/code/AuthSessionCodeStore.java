package io.github.spr.emailcode.code;

import java.util.Base64;
import java.util.Optional;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keeps the login's current code in its authentication session notes. Notes live in Keycloak's distributed
 * authentication-session cache, so every cluster node sees the same code, and a restarted login starts without one.
 * Keycloak writes a login's notes back as a whole, so a racing request can bring back notes another one removed:
 * nothing that must hold under races (tries, the end of a code) is decided by these notes alone.
 */
public final class AuthSessionCodeStore implements CodeStore {

    static final String ID = "email-code.id";
    static final String KEY_ID = "email-code.key-id";
    static final String MAC = "email-code.mac";
    static final String EXPIRES_AT = "email-code.expires-at";

    private final AuthenticationSessionModel authSession;

    public AuthSessionCodeStore(AuthenticationSessionModel authSession) {
        this.authSession = authSession;
    }

    @Override
    public Optional<IssuedCode> load() {
        String id = authSession.getAuthNote(ID);
        String keyId = authSession.getAuthNote(KEY_ID);
        String mac = authSession.getAuthNote(MAC);
        String expiresAt = authSession.getAuthNote(EXPIRES_AT);
        if (id == null || keyId == null || mac == null || expiresAt == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IssuedCode(id, keyId, Base64.getDecoder().decode(mac), Long.parseLong(expiresAt)));
        } catch (IllegalArgumentException corrupt) {
            // Only this extension writes these notes; unreadable state is treated as "no code", never as a match.
            clear();
            return Optional.empty();
        }
    }

    @Override
    public void save(IssuedCode code) {
        authSession.setAuthNote(ID, code.id());
        authSession.setAuthNote(KEY_ID, code.keyId());
        authSession.setAuthNote(MAC, Base64.getEncoder().encodeToString(code.mac()));
        authSession.setAuthNote(EXPIRES_AT, Long.toString(code.expiresAt()));
    }

    @Override
    public void clear() {
        if (authSession.getAuthNote(ID) == null && authSession.getAuthNote(MAC) == null) {
            // Every removal is a write of the whole login to the replicated cache: none when there is nothing to remove.
            return;
        }
        authSession.removeAuthNote(ID);
        authSession.removeAuthNote(KEY_ID);
        authSession.removeAuthNote(MAC);
        authSession.removeAuthNote(EXPIRES_AT);
    }

    /** Ties a code to this login (browser tab) and user: a code from any other login never matches here. */
    public static String loginBinding(AuthenticationSessionModel authSession, String userId) {
        return authSession.getParentSession().getId() + '/' + authSession.getTabId() + '/' + userId;
    }
}
