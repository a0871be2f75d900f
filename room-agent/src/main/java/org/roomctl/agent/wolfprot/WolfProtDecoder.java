package org.roomctl.agent.wolfprot;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Turns one frame (as {@link WolfProtFramer} cuts it) into a {@link WolfProtFrame}, and a {@link
 * WolfProtFrame.Message} into bytes. Pure and stateless.
 */
public final class WolfProtDecoder {
    /** The most data one frame of this driver carries (a one-byte length). */
    public static final int MAX_DATA = 0xFF;

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    private WolfProtDecoder() {}

    /**
     * Decodes one frame.
     *
     * @throws WolfProtFormatException if the bytes are not exactly one well-formed frame
     */
    public static WolfProtFrame decode(byte[] frame) throws WolfProtFormatException {
        if (frame.length == 0) {
            throw new WolfProtFormatException("empty frame");
        }
        int header = frame[0] & 0xFF;
        if (!WolfProtHeader.valid(header)) {
            throw new WolfProtFormatException(String.format(
                    "header %02X sets bits WolfProt frames do not use (only 01, 04, 08, 80 may be set): %s",
                    header, HEX.formatHex(frame)));
        }
        int headerLength = WolfProtHeader.headerLength(header);
        WolfProtAccess access = WolfProtAccess.of(header);
        boolean longCommand = (header & WolfProtHeader.LONG_COMMAND) != 0;
        if ((header & WolfProtHeader.ERROR) != 0) {
            if (frame.length != headerLength + 1) {
                throw new WolfProtFormatException("error reply must be " + (headerLength + 1)
                        + " bytes (header, command, error number), got " + frame.length + ": " + HEX.formatHex(frame));
            }
            return new WolfProtFrame.ErrorReply(access, command(frame, longCommand), frame[headerLength] & 0xFF);
        }
        if (frame.length < headerLength) {
            throw new WolfProtFormatException("frame of " + frame.length + " bytes is shorter than its " + headerLength
                    + "-byte header: " + HEX.formatHex(frame));
        }
        int declared = declaredLength(frame, header);
        if (frame.length != headerLength + declared) {
            throw new WolfProtFormatException("length byte says " + declared + " data bytes, but "
                    + (frame.length - headerLength) + " follow: " + HEX.formatHex(frame));
        }
        return new WolfProtFrame.Message(
                access, command(frame, longCommand), Arrays.copyOfRange(frame, headerLength, frame.length));
    }

    /** The bytes of a request (or reply): header, command, length, data. */
    public static byte[] encode(WolfProtFrame.Message message) {
        byte[] data = message.data();
        int command = message.command();
        if (command < 0 || command > 0xFFFF) {
            throw new IllegalArgumentException("command " + command + " outside 0..FFFF");
        }
        if (data.length > MAX_DATA) {
            throw new IllegalArgumentException(data.length + " data bytes; one frame carries at most " + MAX_DATA);
        }
        boolean longCommand = command > 0xFF;
        int header = (message.access() == WolfProtAccess.SET ? WolfProtHeader.SET : 0)
                | (longCommand ? WolfProtHeader.LONG_COMMAND : 0);
        int headerLength = WolfProtHeader.headerLength(header);
        byte[] frame = new byte[headerLength + data.length];
        frame[0] = (byte) header;
        if (longCommand) {
            frame[1] = (byte) (command >> 8);
            frame[2] = (byte) command;
        } else {
            frame[1] = (byte) command;
        }
        frame[headerLength - 1] = (byte) data.length;
        System.arraycopy(data, 0, frame, headerLength, data.length);
        return frame;
    }

    /** The data length a frame's header declares; {@code frame} holds at least the whole header. */
    static int declaredLength(byte[] frame, int header) {
        int at = WolfProtHeader.headerLength(header) - 1;
        if ((header & WolfProtHeader.LONG_LENGTH) != 0) {
            return ((frame[at - 1] & 0xFF) << 8) | (frame[at] & 0xFF);
        }
        return frame[at] & 0xFF;
    }

    private static int command(byte[] frame, boolean longCommand) {
        return longCommand ? ((frame[1] & 0xFF) << 8) | (frame[2] & 0xFF) : frame[1] & 0xFF;
    }
}
