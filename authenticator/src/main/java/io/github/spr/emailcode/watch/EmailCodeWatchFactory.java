package io.github.spr.emailcode.watch;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers {@link EmailCodeWatch} as a global event listener: Keycloak calls it for every realm, whether or not
 * the realm lists it, and whether or not the realm stores its events, so nothing has to be configured for it.
 */
public final class EmailCodeWatchFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "email-code-watch";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new EmailCodeWatch(session);
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
