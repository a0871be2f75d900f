package org.roomctl.agent.xapi;

import java.util.Locale;

/** Compares call addresses the way people write them: {@code sip:} optional, case ignored. */
public final class SipAddress {
    private SipAddress() {}

    /** The address without {@code sip:}/{@code sips:}, quotes, surrounding blanks or case. */
    public static String normalise(String address) {
        if (address == null) {
            return "";
        }
        String a = address.strip();
        if (a.length() >= 2 && a.startsWith("\"") && a.endsWith("\"")) {
            a = a.substring(1, a.length() - 1).strip();
        }
        a = a.toLowerCase(Locale.ROOT);
        if (a.startsWith("sip:")) {
            a = a.substring(4);
        } else if (a.startsWith("sips:")) {
            a = a.substring(5);
        }
        return a;
    }

    /** Whether two addresses name the same party. */
    public static boolean same(String a, String b) {
        String x = normalise(a);
        return !x.isEmpty() && x.equals(normalise(b));
    }
}
