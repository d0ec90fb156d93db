package io.github.spr.emailcode.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.spr.emailcode.testing.MarkdownTable;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.keycloak.events.EventType;

/** The admin guide's events table lists exactly the events the step's outcomes write. */
class EventsTableTest {

    private static final String HEADER = "| what happened | event | error | `email_code` |";

    @Test
    void theAdminGuidesEventsTableIsWhatTheOutcomesWrite() {
        Set<String> documented = new TreeSet<>();
        for (var row : MarkdownTable.rows(MarkdownTable.doc("admin-guide.md"), HEADER)) {
            String type = unquote(row.get(1));
            String detail = unquote(row.get(3));
            if (row.get(2).isEmpty()) {
                documented.add(type + "/-/" + detail);
            } else {
                Arrays.stream(row.get(2).split(",")).map(e -> unquote(e.trim())).forEach(error -> documented.add(type + "/" + error + "/" + detail));
            }
        }
        Set<String> written = new TreeSet<>();
        for (Outcome outcome : Outcome.values()) {
            for (EventSpec event : outcome.events) {
                written.add(typeOf(event) + "/" + (event.error() == null ? "-" : event.error()) + "/" + event.detail());
            }
        }
        assertEquals(written, documented);
    }

    /** The type an admin sees: Keycloak appends _ERROR to an event sent as an error; no type is the login's own. */
    private static String typeOf(EventSpec event) {
        String type = event.type() == null ? EventType.LOGIN.name() : event.type().name();
        return event.error() == null ? type : type + "_ERROR";
    }

    private static String unquote(String cell) {
        return cell.replace("`", "");
    }
}
