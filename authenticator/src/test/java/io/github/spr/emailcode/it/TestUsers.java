package io.github.spr.emailcode.it;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.UserBuilder;

/**
 * A fresh user per test: the resend cooldown is per user and outlives a login, so tests that share a user would
 * wait on each other. The framework removes the user after the test; its address is written down (SuiteSecrets)
 * for ServerLogKeepsSecretsIT, which checks that the server log never holds it.
 */
public final class TestUsers {

    public static final String PASSWORD = "Package-Room-1";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** The addresses of the users the running test made: the mails Inbox counts as this test's. */
    private static final Set<String> THIS_TEST = ConcurrentHashMap.newKeySet();

    private TestUsers() {
    }

    public record TestUser(String id, String email, String password) {
    }

    public static TestUser create(ManagedRealm realm, String name) {
        return create(realm, name, null);
    }

    public static TestUser create(ManagedRealm realm, String name, String locale) {
        String username = name + "-" + COUNTER.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
        String email = username + "@acme.example";
        UserBuilder user = UserBuilder.create().username(username).email(email).name(capitalized(name), "Example")
                .emailVerified(true).password(PASSWORD);
        if (locale != null) {
            user.attribute("locale", locale);
        }
        register(email);
        realm.addUser(user);
        UserRepresentation created = realm.admin().users().search(username, true).get(0);
        return new TestUser(created.getId(), email, PASSWORD);
    }

    /** A test begins: no user is its own yet. */
    static void newTest() {
        THIS_TEST.clear();
    }

    /** An address a test signs in with (made here or elsewhere): the inbox counts its mails, the log check looks for it. */
    public static void register(String email) {
        THIS_TEST.add(email.toLowerCase(Locale.ROOT));
        SuiteSecrets.address(email);
    }

    static boolean ofThisTest(String email) {
        return THIS_TEST.contains(email.toLowerCase(Locale.ROOT));
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
