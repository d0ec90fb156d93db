package io.github.spr.emailcode.code;

import java.util.OptionalInt;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * What has happened to each issued code, by its id: the tries compared with it, whether it has ended (used,
 * voided, replaced), and whether its mail could not be sent. Kept in Keycloak's single-use store, whose {@code putIfAbsent} and {@code contains} act at once
 * and atomically on every node: parallel posts cannot compare more tries than a code allows, cannot use a code
 * twice, and a racing write of the login's notes cannot bring an ended code back.
 */
public final class CodeUsage {

    private static final String PREFIX = "spr-email-code.code.";

    private final SingleUseObjectProvider store;

    public CodeUsage(SingleUseObjectProvider store) {
        this.store = store;
    }

    /** @return the number of tries compared before this one (0 for the first), or empty when all are taken */
    OptionalInt tryTakeTry(String codeId, int maxTries, int lifespanSeconds) {
        for (int i = 0; i < maxTries; i++) {
            if (store.putIfAbsent(PREFIX + codeId + ".try." + i, lifespanSeconds)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** Ends the code for good. @return false when it had already ended (another request used or voided it first) */
    boolean end(String codeId, int lifespanSeconds) {
        return store.putIfAbsent(PREFIX + codeId + ".ended", lifespanSeconds);
    }

    boolean hasEnded(String codeId) {
        return store.contains(PREFIX + codeId + ".ended");
    }

    /**
     * The code's mail could not be sent (found out after the page came back, by the background sender): nobody
     * can know the code, it ends, and the login learns it on its next page.
     */
    public void markUndelivered(String codeId, int lifespanSeconds) {
        store.putIfAbsent(PREFIX + codeId + ".undelivered", lifespanSeconds);
        end(codeId, lifespanSeconds);
    }

    boolean isUndelivered(String codeId) {
        return store.contains(PREFIX + codeId + ".undelivered");
    }
}
