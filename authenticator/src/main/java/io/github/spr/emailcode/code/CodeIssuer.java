package io.github.spr.emailcode.code;

/** Creates a fresh code for a login and remembers only its MAC; any earlier code of that login stops working. */
public final class CodeIssuer {

    private final CodeGenerator generator;
    private final MacKeys keys;

    public CodeIssuer(CodeGenerator generator, MacKeys keys) {
        this.generator = generator;
        this.keys = keys;
    }

    /** @return the plain code, to be emailed and then forgotten */
    public String issue(CodeStore store, String loginBinding, int length, int lifetimeSeconds, long now) {
        String code = generator.generate(length);
        MacKey key = keys.active();
        store.save(new IssuedCode(key.id(), CodeMac.compute(key, loginBinding, code), now + lifetimeSeconds, 0));
        return code;
    }
}
