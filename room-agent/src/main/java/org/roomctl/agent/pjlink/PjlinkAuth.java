package org.roomctl.agent.pjlink;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** PJLink authentication: the lower-case hex MD5 of the display's random digits and the password. */
public final class PjlinkAuth {
    private PjlinkAuth() {}

    /** The 32-character digest that prefixes every command on an authenticated connection. */
    public static String digest(String random, String password) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] hash = md5.digest((random + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
