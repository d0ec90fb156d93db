package io.github.spr.emailcode.code;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.spr.emailcode.limits.SlidingWindowLimit;
import io.github.spr.emailcode.testing.InMemorySingleUseObjects;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.sessions.AuthenticationSessionModel;

class AuthSessionCodeStoreTest {

    private final Map<String, String> notes = new HashMap<>();
    private AuthenticationSessionModel authSession;
    private AuthSessionCodeStore store;

    @BeforeEach
    void authSessionBackedByAMap() {
        authSession = mock(AuthenticationSessionModel.class);
        when(authSession.getAuthNote(anyString())).thenAnswer(i -> notes.get(i.<String>getArgument(0)));
        doAnswer(i -> notes.put(i.getArgument(0), i.getArgument(1))).when(authSession).setAuthNote(anyString(), anyString());
        doAnswer(i -> notes.remove(i.<String>getArgument(0))).when(authSession).removeAuthNote(anyString());
        store = new AuthSessionCodeStore(authSession);
    }

    @Test
    void whatIsSavedIsLoadedBack() {
        store.save(new IssuedCode("id-1", "kid-1", new byte[] {1, 2, 3}, 1_700_000_600L));
        IssuedCode loaded = store.load().orElseThrow();
        assertEquals("id-1", loaded.id());
        assertEquals("kid-1", loaded.keyId());
        assertArrayEquals(new byte[] {1, 2, 3}, loaded.mac());
        assertEquals(1_700_000_600L, loaded.expiresAt());
    }

    @Test
    void nothingSavedMeansNoCode() {
        assertTrue(store.load().isEmpty());
    }

    @Test
    void clearingRemovesEveryNote() {
        store.save(new IssuedCode("id-1", "kid-1", new byte[] {1}, 1L));
        store.clear();
        assertTrue(notes.isEmpty());
        assertTrue(store.load().isEmpty());
    }

    @Test
    void clearingALoginWithoutACodeWritesNothing() {
        store.clear();
        verify(authSession, never()).removeAuthNote(anyString());
    }

    @Test
    void unreadableStateIsNoCodeAndIsRemoved() {
        store.save(new IssuedCode("id-1", "kid-1", new byte[] {1}, 1L));
        notes.put(AuthSessionCodeStore.EXPIRES_AT, "soon");
        assertTrue(store.load().isEmpty());
        assertTrue(notes.isEmpty());
    }

    @Test
    void aPartlyMissingStateIsNoCode() {
        store.save(new IssuedCode("id-1", "kid-1", new byte[] {1}, 1L));
        notes.remove(AuthSessionCodeStore.MAC);
        assertTrue(store.load().isEmpty());
    }

    @Test
    void theNotesOfAnIssuedCodeHoldItsMacAndNeverTheCode() {
        TestKeys keys = new TestKeys();
        InMemorySingleUseObjects singleUse = new InMemorySingleUseObjects();
        LoginCode code = new LoginCode(store, new CodeUsage(singleUse), keys, new CodeGenerator(new SplittableRandom(7)),
                "root/tab/user", new LoginCode.Rules(6, 600, 5), new SlidingWindowLimit(singleUse, "w.", 20, 86400));

        String sent = code.issue(1_700_000_000L).plainCode();

        assertEquals(Set.of(AuthSessionCodeStore.ID, AuthSessionCodeStore.KEY_ID, AuthSessionCodeStore.MAC, AuthSessionCodeStore.EXPIRES_AT),
                notes.keySet());
        assertTrue(notes.values().stream().noneMatch(v -> v.contains(sent)), notes.toString());
        assertArrayEquals(CodeMac.compute(keys.active(), "root/tab/user", sent), Base64.getDecoder().decode(notes.get(AuthSessionCodeStore.MAC)));
    }
}
