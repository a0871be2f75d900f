package org.roomctl.agent.visca;

import java.util.HexFormat;

/**
 * Reads the data of inquiry answers (what {@link ViscaReply.InquiryData#data()} holds, between
 * {@code 50} and {@code FF}). Pure; anything malformed is refused with a precise {@link
 * ViscaFormatException}.
 */
public final class ViscaInquiries {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    /** Pan and tilt as the camera reports them: signed 16-bit device units. */
    public record PanTilt(int pan, int tilt) {}

    /**
     * The answer to a version inquiry: {@code GG GG HH HH JJ JJ KK}.
     *
     * @param vendor {@code GGGG}, 0x0001 for Sony
     * @param model {@code HHHH}
     * @param rom {@code JJJJ}, the firmware version
     * @param sockets {@code KK}, how many command sockets the camera has
     */
    public record Version(int vendor, int model, int rom, int sockets) {}

    private ViscaInquiries() {}

    /** {@code 02} on, {@code 03} standby. */
    public static ViscaPower power(byte[] data) throws ViscaFormatException {
        expectLength(data, 1, "power answer (0p)");
        int code = data[0] & 0xFF;
        for (ViscaPower p : ViscaPower.values()) {
            if (p.code() == code) {
                return p;
            }
        }
        throw new ViscaFormatException("power answer " + HEX.formatHex(data) + " is neither 02 (on) nor 03 (standby)");
    }

    /** {@code 0p 0q 0r 0s}: the zoom position, 0..FFFF. */
    public static int zoomPosition(byte[] data) throws ViscaFormatException {
        expectLength(data, 4, "zoom position answer (0p 0q 0r 0s)");
        return nibbles(data, 0);
    }

    /** {@code 0w 0w 0w 0w 0z 0z 0z 0z}: pan then tilt, each signed 16 bits. */
    public static PanTilt panTiltPosition(byte[] data) throws ViscaFormatException {
        expectLength(data, 8, "pan-tilt position answer (0w 0w 0w 0w 0z 0z 0z 0z)");
        return new PanTilt((short) nibbles(data, 0), (short) nibbles(data, 4));
    }

    /** {@code GG GG HH HH JJ JJ KK}. */
    public static Version version(byte[] data) throws ViscaFormatException {
        expectLength(data, 7, "version answer (GG GG HH HH JJ JJ KK)");
        return new Version(word(data, 0), word(data, 2), word(data, 4), data[6] & 0xFF);
    }

    private static int nibbles(byte[] data, int from) throws ViscaFormatException {
        int value = 0;
        for (int i = from; i < from + 4; i++) {
            int b = data[i] & 0xFF;
            if (b > 0x0F) {
                throw new ViscaFormatException(
                        String.format("byte %d (%02X) of %s is not a nibble 00..0F", i, b, HEX.formatHex(data)));
            }
            value = (value << 4) | b;
        }
        return value;
    }

    private static int word(byte[] data, int from) {
        return ((data[from] & 0xFF) << 8) | (data[from + 1] & 0xFF);
    }

    private static void expectLength(byte[] data, int length, String what) throws ViscaFormatException {
        if (data.length != length) {
            throw new ViscaFormatException(
                    what + " must carry " + length + " bytes, got " + data.length + ": " + HEX.formatHex(data));
        }
    }
}
