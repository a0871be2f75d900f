package org.roomctl.agent.wolfprot;

/**
 * The first byte of every WolfProt frame, bit by bit: {@code 01} SET (clear: GET), {@code 04} a
 * two-byte length, {@code 08} a two-byte command, {@code 80} an error reply (which carries an error
 * number instead of a length and data). Every other bit is clear in the frames this driver speaks
 * ({@code 02}, the extended header with a four-byte length, is used only for bulk transfers and is
 * treated as garbage).
 */
public final class WolfProtHeader {
    /** SET; a GET when clear. */
    public static final int SET = 0x01;
    /** The length is two bytes, big-endian. */
    public static final int LONG_LENGTH = 0x04;
    /** The command is two bytes, big-endian. */
    public static final int LONG_COMMAND = 0x08;
    /** An error reply: header, command, error number. */
    public static final int ERROR = 0x80;

    private static final int KNOWN = SET | LONG_LENGTH | LONG_COMMAND | ERROR;

    private WolfProtHeader() {}

    /** Whether {@code header} can start a frame. */
    public static boolean valid(int header) {
        return (header & ~KNOWN & 0xFF) == 0;
    }

    /** Bytes of header, command and length (or error number) before the data. */
    static int headerLength(int header) {
        int command = (header & LONG_COMMAND) != 0 ? 2 : 1;
        if ((header & ERROR) != 0) {
            return 1 + command;
        }
        return 1 + command + ((header & LONG_LENGTH) != 0 ? 2 : 1);
    }
}
