package io.github.spr.emailcode.code;

import java.util.Base64;
import java.util.Optional;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keeps the login's current code in its authentication session notes. Notes live in Keycloak's distributed
 * authentication-session cache, so every cluster node sees the same code, and a restarted login starts without one.
 */
public final class AuthSessionCodeStore implements CodeStore {

    static final String KEY_ID = "email-code.key-id";
    static final String MAC = "email-code.mac";
    static final String EXPIRES_AT = "email-code.expires-at";
    static final String WRONG_ATTEMPTS = "email-code.wrong-attempts";

    private final AuthenticationSessionModel authSession;

    public AuthSessionCodeStore(AuthenticationSessionModel authSession) {
        this.authSession = authSession;
    }

    @Override
    public Optional<IssuedCode> load() {
        String keyId = authSession.getAuthNote(KEY_ID);
        String mac = authSession.getAuthNote(MAC);
        String expiresAt = authSession.getAuthNote(EXPIRES_AT);
        String attempts = authSession.getAuthNote(WRONG_ATTEMPTS);
        if (keyId == null || mac == null || expiresAt == null || attempts == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IssuedCode(keyId, Base64.getDecoder().decode(mac), Long.parseLong(expiresAt),
                    Integer.parseInt(attempts)));
        } catch (IllegalArgumentException corrupt) {
            // Only this extension writes these notes; unreadable state is treated as "no code", never as a match.
            clear();
            return Optional.empty();
        }
    }

    @Override
    public void save(IssuedCode code) {
        authSession.setAuthNote(KEY_ID, code.keyId());
        authSession.setAuthNote(MAC, Base64.getEncoder().encodeToString(code.mac()));
        authSession.setAuthNote(EXPIRES_AT, Long.toString(code.expiresAt()));
        authSession.setAuthNote(WRONG_ATTEMPTS, Integer.toString(code.wrongAttempts()));
    }

    @Override
    public void clear() {
        authSession.removeAuthNote(KEY_ID);
        authSession.removeAuthNote(MAC);
        authSession.removeAuthNote(EXPIRES_AT);
        authSession.removeAuthNote(WRONG_ATTEMPTS);
    }

    /** Ties a code to this login (browser tab) and user: a code from any other login never matches here. */
    public static String loginBinding(AuthenticationSessionModel authSession, String userId) {
        return authSession.getParentSession().getId() + '/' + authSession.getTabId() + '/' + userId;
    }
}
