package org.roomctl.contract;

/** Saying what went wrong in words, from exceptions that wrap the real cause several times. */
public final class Errors {
    private Errors() {}

    /** The message of the innermost cause (its class name if it has none). */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
