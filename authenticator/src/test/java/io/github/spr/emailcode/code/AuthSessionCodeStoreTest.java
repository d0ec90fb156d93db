package io.github.spr.emailcode.code;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.sessions.AuthenticationSessionModel;

class AuthSessionCodeStoreTest {

    private final Map<String, String> notes = new HashMap<>();
    private AuthSessionCodeStore store;

    @BeforeEach
    void authSessionBackedByAMap() {
        AuthenticationSessionModel authSession = mock(AuthenticationSessionModel.class);
        when(authSession.getAuthNote(anyString())).thenAnswer(i -> notes.get(i.<String>getArgument(0)));
        doAnswer(i -> notes.put(i.getArgument(0), i.getArgument(1))).when(authSession).setAuthNote(anyString(), anyString());
        doAnswer(i -> notes.remove(i.<String>getArgument(0))).when(authSession).removeAuthNote(anyString());
        store = new AuthSessionCodeStore(authSession);
    }

    @Test
    void whatIsSavedIsLoadedBack() {
        store.save(new IssuedCode("kid-1", new byte[] {1, 2, 3}, 1_700_000_600L, 2));
        IssuedCode loaded = store.load().orElseThrow();
        assertEquals("kid-1", loaded.keyId());
        assertArrayEquals(new byte[] {1, 2, 3}, loaded.mac());
        assertEquals(1_700_000_600L, loaded.expiresAt());
        assertEquals(2, loaded.wrongAttempts());
    }

    @Test
    void nothingSavedMeansNoCode() {
        assertTrue(store.load().isEmpty());
    }

    @Test
    void clearingRemovesEveryNote() {
        store.save(new IssuedCode("kid-1", new byte[] {1}, 1L, 0));
        store.clear();
        assertTrue(notes.isEmpty());
        assertTrue(store.load().isEmpty());
    }

    @Test
    void unreadableStateIsNoCodeAndIsRemoved() {
        store.save(new IssuedCode("kid-1", new byte[] {1}, 1L, 0));
        notes.put(AuthSessionCodeStore.WRONG_ATTEMPTS, "many");
        assertTrue(store.load().isEmpty());
        assertTrue(notes.isEmpty());
    }

    @Test
    void aPartlyMissingStateIsNoCode() {
        store.save(new IssuedCode("kid-1", new byte[] {1}, 1L, 0));
        notes.remove(AuthSessionCodeStore.MAC);
        assertTrue(store.load().isEmpty());
    }

    @Test
    void theCodeItselfIsNeverAmongTheNotes() {
        String code = "493817";
        MacKey key = new MacKey("kid-1", "secret".getBytes());
        store.save(new IssuedCode(key.id(), CodeMac.compute(key, "login", code), 1L, 0));
        assertTrue(notes.values().stream().noneMatch(v -> v.contains(code)), notes.toString());
    }
}
