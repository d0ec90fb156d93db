package io.github.spr.emailcode.testing;

import io.github.spr.emailcode.code.CodeStore;
import io.github.spr.emailcode.code.IssuedCode;
import java.util.Optional;

/**
 * One request's view of a login's code. Two of them holding the same code are two requests of one login that
 * loaded the login's notes at the same time, as parallel posts do.
 */
public final class MemoryCodeStore implements CodeStore {

    private IssuedCode code;

    @Override
    public Optional<IssuedCode> load() {
        return Optional.ofNullable(code);
    }

    @Override
    public void save(IssuedCode code) {
        this.code = code;
    }

    @Override
    public void clear() {
        code = null;
    }

    /** Another request of the same login, which loaded the notes as they are now. */
    public MemoryCodeStore copy() {
        MemoryCodeStore copy = new MemoryCodeStore();
        copy.code = code;
        return copy;
    }
}
