package org.roomctl.agent.wolfprot;

import java.util.HexFormat;

/** The WolfProt requests this driver sends, and how to read their answers. Pure. */
public final class WolfProtCommands {
    /** Power: {@code 01} on, {@code 00} off. */
    public static final int POWER = 0x30;

    private WolfProtCommands() {}

    /** {@code 01 30 01 01} (on) or {@code 01 30 01 00} (off); answered {@code 01 30 00}. */
    public static byte[] setPower(boolean on) {
        return set(POWER, on ? 0x01 : 0x00);
    }

    /** {@code 00 30 00}; answered {@code 00 30 01 01} (on) or {@code 00 30 01 00} (off). */
    public static byte[] getPower() {
        return get(POWER);
    }

    /** A SET of {@code command} with {@code data}. */
    public static byte[] set(int command, int... data) {
        byte[] bytes = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            bytes[i] = (byte) data[i];
        }
        return WolfProtDecoder.encode(new WolfProtFrame.Message(WolfProtAccess.SET, command, bytes));
    }

    /** A GET of {@code command}. */
    public static byte[] get(int command) {
        return WolfProtDecoder.encode(new WolfProtFrame.Message(WolfProtAccess.GET, command, new byte[0]));
    }

    /**
     * Reads the answer to {@link #getPower()}.
     *
     * @return true for on
     */
    public static boolean power(WolfProtFrame.Message reply) throws WolfProtFormatException {
        byte[] data = reply.data();
        if (reply.access() != WolfProtAccess.GET || reply.command() != POWER) {
            throw new WolfProtFormatException("not a power reply: " + reply);
        }
        if (data.length != 1 || (data[0] != 0x00 && data[0] != 0x01)) {
            throw new WolfProtFormatException("power reply must carry one byte, 00 (off) or 01 (on), got "
                    + (data.length == 0
                            ? "none"
                            : HexFormat.ofDelimiter(" ").withUpperCase().formatHex(data)));
        }
        return data[0] == 0x01;
    }
}
