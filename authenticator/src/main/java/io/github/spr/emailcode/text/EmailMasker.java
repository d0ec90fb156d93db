package io.github.spr.emailcode.text;

/**
 * Shows an address as {@code j•••@acme.com}: enough for the owner to recognise their corporate mailbox,
 * too little for someone who only has the password to learn the address.
 */
public final class EmailMasker {

    static final String MASK = "\u2022\u2022\u2022";

    private EmailMasker() {
    }

    public static String mask(String email) {
        if (email == null || email.isBlank()) {
            return MASK;
        }
        String trimmed = email.trim();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            return MASK;
        }
        int firstCodePoint = trimmed.codePointAt(0);
        return new StringBuilder()
                .appendCodePoint(firstCodePoint)
                .append(MASK)
                .append(trimmed.substring(at))
                .toString();
    }
}
