package org.roomctl.fleet.connect;

import java.util.Locale;

/** Call addresses compared as codecs show them: with or without the scheme, in any case. */
public final class CallAddresses {
    private CallAddresses() {}

    public static String normal(String uri) {
        if (uri == null) {
            return null;
        }
        String u = uri.trim().toLowerCase(Locale.ROOT);
        for (String scheme : new String[] {"sips:", "sip:", "h323:", "tel:"}) {
            if (u.startsWith(scheme)) {
                u = u.substring(scheme.length());
            }
        }
        return u;
    }

    public static boolean same(String a, String b) {
        return a != null && b != null && normal(a).equals(normal(b));
    }
}
