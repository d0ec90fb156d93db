package io.github.spr.emailcode.mail;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.KeycloakSessionTask;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Work that must not hold up the page: it runs once the request's transaction has committed, on one of Keycloak's
 * executors, in a session and transaction of its own. If the request rolls back, or the executor refuses the work,
 * {@code instead} runs in its place, so whatever the work was to settle is settled either way.
 */
public final class AfterCommit {

    static final String EXECUTOR = "spr-email-code";

    private AfterCommit() {
    }

    public static void run(KeycloakSession session, KeycloakSessionTask work, KeycloakSessionTask instead) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                try {
                    executor.execute(() -> KeycloakModelUtils.runJobInTransaction(factory, work));
                } catch (RejectedExecutionException busy) {
                    KeycloakModelUtils.runJobInTransaction(factory, instead);
                }
            }

            @Override
            protected void rollbackImpl() {
                KeycloakModelUtils.runJobInTransaction(factory, instead);
            }
        });
    }
}
