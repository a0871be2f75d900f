package org.roomctl.sim.pjlink;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;

/**
 * One client connection to a PJLink display: the greeting, authentication, and turning request
 * lines ({@code %1POWR 1\r}) into reply lines ({@code %1POWR=OK\r}). Pure apart from the random
 * challenge, which comes from the generator it is given.
 *
 * <p>With a password the greeting is {@code PJLINK 1 <8 hex digits>} and a command is prefixed by
 * the hex MD5 of those digits and the password; a wrong digest, or none on the first command,
 * gets {@code PJLINK ERRA} and the connection is closed. After the first good digest, later
 * commands are taken with or without one (devices differ on this; a wrong one is still refused).
 */
public final class PjlinkSession {
    /** The longest request line: 32 digest characters, {@code %1}, command, space, 128 parameter bytes. */
    static final int MAX_LINE = 32 + 2 + 4 + 1 + 128;

    private final PjlinkDisplay display;
    private final String expectedDigest;
    private final String challenge;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean overlong;
    private boolean authenticated;
    private boolean closing;

    /**
     * @param password the display's password, or null for none
     * @param random source of the challenge
     */
    public PjlinkSession(PjlinkDisplay display, String password, Random random) {
        this.display = display;
        if (password == null) {
            this.challenge = null;
            this.expectedDigest = null;
            this.authenticated = true;
        } else {
            this.challenge = String.format("%08x", random.nextInt());
            this.expectedDigest = md5Hex(challenge + password);
        }
    }

    /** The hex MD5 digest PJLink authentication uses. */
    public static String md5Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    /** What the display sends on connecting. */
    public String greeting() {
        return challenge == null ? "PJLINK 0\r" : "PJLINK 1 " + challenge + "\r";
    }

    /** Whether the display closes this connection now (after a failed authentication). */
    public boolean closing() {
        return closing;
    }

    /** Bytes from the client; returns the reply lines, each ending CR. */
    public String receive(byte[] data, long now) {
        StringBuilder replies = new StringBuilder();
        for (byte b : data) {
            if (closing) {
                break;
            }
            if (b == '\r' || b == '\n') {
                if (!overlong && line.size() > 0) {
                    replies.append(handle(line.toString(StandardCharsets.US_ASCII), now));
                }
                line.reset();
                overlong = false;
            } else if (line.size() < MAX_LINE) {
                line.write(b);
            } else {
                overlong = true;
            }
        }
        return replies.toString();
    }

    private String handle(String request, long now) {
        String command = request;
        if (expectedDigest != null) {
            boolean hasDigest =
                    request.length() > 32 && request.substring(0, 32).matches("[0-9a-fA-F]{32}");
            if (hasDigest) {
                if (!request.substring(0, 32).equalsIgnoreCase(expectedDigest)) {
                    return refuse();
                }
                authenticated = true;
                command = request.substring(32);
            } else if (!authenticated) {
                return refuse();
            }
        }
        if (command.length() < 6 || command.charAt(0) != '%' || !Character.isDigit(command.charAt(1))) {
            return ""; // not a PJLink request: ignored
        }
        String header = command.substring(0, 2);
        String name = command.substring(2, 6).toUpperCase(Locale.ROOT);
        if (header.charAt(1) != '1') {
            return header + name + "=ERR1\r"; // a class 1 display knows no other class
        }
        if (command.length() < 8 || command.charAt(6) != ' ') {
            return header + name + "=ERR2\r";
        }
        return header + name + "=" + display.execute(name, command.substring(7), now) + "\r";
    }

    private String refuse() {
        closing = true;
        return "PJLINK ERRA\r";
    }
}
