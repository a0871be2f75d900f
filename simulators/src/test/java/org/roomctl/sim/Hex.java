package org.roomctl.sim;

import java.util.HexFormat;
import java.util.List;

/** Byte arrays written and shown as {@code "81 01 04 00 02 FF"}. */
public final class Hex {
    private static final HexFormat FORMAT = HexFormat.ofDelimiter(" ").withUpperCase();

    private Hex() {}

    public static byte[] bytes(String hex) {
        String compact = hex.replace(" ", "");
        return HexFormat.of().parseHex(compact);
    }

    public static String of(byte[] bytes) {
        return FORMAT.formatHex(bytes);
    }

    public static List<String> of(List<byte[]> packets) {
        return packets.stream().map(Hex::of).toList();
    }
}
