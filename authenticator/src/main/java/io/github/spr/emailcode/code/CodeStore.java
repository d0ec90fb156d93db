package io.github.spr.emailcode.code;

import java.util.Optional;

/** Holds the current code of one login. In Keycloak: the authentication session's notes. */
public interface CodeStore {

    Optional<IssuedCode> load();

    void save(IssuedCode code);

    void clear();
}
