package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/** Realm settings a test changes for itself; the framework restores them after the test. */
final class RealmTweaks {

    private RealmTweaks() {
    }

    /** Without the realm's brute-force detection: the step's own limits must hold on their own. */
    static void withoutBruteForceDetection(ManagedRealm realm) {
        realm.updateWithCleanup(r -> r.bruteForceProtected(false));
    }

    /**
     * Brute-force detection as shipped, but without its quick-login rule: wrong codes a test posts within a second
     * of each other would otherwise lock the user for a minute.
     */
    static void withoutQuickLoginLockout(ManagedRealm realm) {
        realm.updateWithCleanup(r -> r.update(rep -> rep.setQuickLoginCheckMilliSeconds(1L)));
    }

    /** Lock after {@code failures} failures; the quick-login rule (two failures within a second) is off. */
    static void lockoutAfter(ManagedRealm realm, int failures, boolean permanent) {
        realm.updateWithCleanup(r -> r.bruteForceProtected(true).failureFactor(failures).permanentLockout(permanent)
                .update(rep -> {
                    rep.setQuickLoginCheckMilliSeconds(1L);
                    rep.setWaitIncrementSeconds(600);
                    rep.setMaxFailureWaitSeconds(900);
                }));
    }

    /** Brute-force processing runs after the request, in the background: wait until the server has recorded the lock. */
    static void awaitLocked(ManagedRealm realm, String userId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> status = realm.admin().attackDetection().bruteForceUserStatus(userId);
            if (Boolean.TRUE.equals(status.get("disabled"))) {
                return;
            }
            Thread.sleep(100);
        }
        assertTrue(false, "the user was not locked: " + realm.admin().attackDetection().bruteForceUserStatus(userId));
    }

    /** Brute-force processing runs after the request, in the background: wait until it has counted {@code count} failures. */
    static void awaitFailures(ManagedRealm realm, String userId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (failures(realm, userId) < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(failures(realm, userId) >= count, "failures recorded: " + failures(realm, userId) + ", expected " + count);
    }

    static int failures(ManagedRealm realm, String userId) {
        Object count = realm.admin().attackDetection().bruteForceUserStatus(userId).get("numFailures");
        return count == null ? 0 : ((Number) count).intValue();
    }

    /** Points the realm's SMTP at a port nobody listens on. */
    static void smtpDown(ManagedRealm realm) {
        realm.updateWithCleanup(r -> r.update(rep -> {
            Map<String, String> smtp = new HashMap<>(rep.getSmtpServer());
            smtp.put("port", "3026");
            rep.setSmtpServer(smtp);
        }));
    }

    /** Points the realm's SMTP back at the test mail server, in the middle of a test. */
    static void smtpBack(ManagedRealm realm) {
        RealmRepresentation rep = realm.admin().toRepresentation();
        Map<String, String> smtp = new HashMap<>(rep.getSmtpServer());
        smtp.put("port", "3025");
        rep.setSmtpServer(smtp);
        realm.admin().update(rep);
    }
}
