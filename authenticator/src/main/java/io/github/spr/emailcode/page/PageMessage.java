package io.github.spr.emailcode.page;

import java.util.Arrays;

/**
 * The one message a page of the step shows: an error (under the code field when {@code field} is set), or a
 * success notice. Texts are message keys of theme-resources/messages; params are filled in at render time.
 */
public record PageMessage(Kind kind, String field, String key, Object[] params) {

    public enum Kind { ERROR, SUCCESS }

    public static PageMessage error(String key) {
        return new PageMessage(Kind.ERROR, null, key, new Object[0]);
    }

    public static PageMessage codeFieldError(String key) {
        return new PageMessage(Kind.ERROR, FormFields.CODE, key, new Object[0]);
    }

    public static PageMessage success(String key) {
        return new PageMessage(Kind.SUCCESS, null, key, new Object[0]);
    }

    public PageMessage with(Object... values) {
        return new PageMessage(kind, field, key, values.clone());
    }

    @Override
    public String toString() {
        return kind + (field == null ? "" : "@" + field) + ":" + key + Arrays.toString(params);
    }
}
