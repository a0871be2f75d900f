package org.roomctl.agent.visca;

import java.util.HexFormat;

/**
 * Turns one packet (as {@link ViscaFramer} cuts it, terminator included) into a {@link ViscaReply}.
 * Pure and stateless. Anything that is not a reply VISCA defines is refused with a {@link
 * ViscaFormatException} saying exactly what is wrong.
 */
public final class ViscaReplyDecoder {
    /** The header of a broadcast: sender 0 (the controller), receiver 8 (everyone). */
    static final int BROADCAST = 0x88;

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    private ViscaReplyDecoder() {}

    /**
     * Decodes one packet.
     *
     * @throws ViscaFormatException if the packet is not a well-formed VISCA reply
     */
    public static ViscaReply decode(byte[] packet) throws ViscaFormatException {
        checkFrame(packet);
        int header = packet[0] & 0xFF;
        if (header == BROADCAST) {
            return broadcast(packet);
        }
        int sender = (header >> 4) - 8;
        if (sender == 0) {
            throw new ViscaFormatException("header " + hex(header)
                    + " is a controller's command (sender 0), not a reply: " + HEX.formatHex(packet));
        }
        int type = packet[1] & 0xFF;
        int socket = type & 0x0F;
        return switch (type & 0xF0) {
            case 0x40 -> ack(sender, socket, packet);
            case 0x50 -> completion(sender, socket, packet);
            case 0x60 -> error(sender, socket, packet);
            default -> {
                if (type == 0x38) {
                    expectLength(packet, 3, "network change (y0 38 FF)");
                    yield new ViscaReply.NetworkChange(sender);
                }
                throw new ViscaFormatException("unknown reply type " + hex(type) + " after header " + hex(header) + ": "
                        + HEX.formatHex(packet));
            }
        };
    }

    private static void checkFrame(byte[] packet) throws ViscaFormatException {
        if (packet.length < ViscaFramer.MIN_PACKET) {
            throw new ViscaFormatException("packet of " + packet.length + " bytes is shorter than the "
                    + ViscaFramer.MIN_PACKET + "-byte minimum: " + HEX.formatHex(packet));
        }
        if (packet.length > ViscaFramer.MAX_PACKET) {
            throw new ViscaFormatException("packet of " + packet.length + " bytes is longer than the "
                    + ViscaFramer.MAX_PACKET + "-byte maximum: " + HEX.formatHex(packet));
        }
        if ((packet[packet.length - 1] & 0xFF) != ViscaFramer.TERMINATOR) {
            throw new ViscaFormatException("packet does not end with the terminator FF: " + HEX.formatHex(packet));
        }
        for (int i = 0; i < packet.length - 1; i++) {
            if ((packet[i] & 0xFF) == ViscaFramer.TERMINATOR) {
                throw new ViscaFormatException(
                        "terminator FF inside the packet at byte " + i + ": " + HEX.formatHex(packet));
            }
        }
        if ((packet[0] & 0x80) == 0) {
            throw new ViscaFormatException("header " + hex(packet[0] & 0xFF)
                    + " has bit 7 clear, so it is no VISCA header: " + HEX.formatHex(packet));
        }
    }

    private static ViscaReply broadcast(byte[] packet) throws ViscaFormatException {
        int type = packet[1] & 0xFF;
        if (type == 0x30) {
            expectLength(packet, 4, "address-set reply (88 30 0n FF)");
            int next = packet[2] & 0xFF;
            if (next < 1 || next > 8) {
                throw new ViscaFormatException(
                        "address-set reply names address " + hex(next) + ", outside 01..08: " + HEX.formatHex(packet));
            }
            return new ViscaReply.AddressSet(next);
        }
        if (packet.length == 5 && type == 0x01 && packet[2] == 0x00 && packet[3] == 0x01) {
            return new ViscaReply.IfClearEcho();
        }
        throw new ViscaFormatException("unknown broadcast: " + HEX.formatHex(packet));
    }

    private static ViscaReply ack(int camera, int socket, byte[] packet) throws ViscaFormatException {
        expectLength(packet, 3, "ACK (y0 4z FF)");
        if (socket == 0) {
            throw new ViscaFormatException(
                    "ACK names socket 0, but commands run on sockets 1..F: " + HEX.formatHex(packet));
        }
        return new ViscaReply.Ack(camera, socket);
    }

    private static ViscaReply completion(int camera, int socket, byte[] packet) throws ViscaFormatException {
        if (packet.length == 3) {
            return new ViscaReply.Completion(camera, socket);
        }
        if (socket != 0) {
            throw new ViscaFormatException("completion of socket " + socket
                    + " carries data, but only inquiry answers (y0 50 ... FF) do: " + HEX.formatHex(packet));
        }
        byte[] data = new byte[packet.length - 3];
        System.arraycopy(packet, 2, data, 0, data.length);
        return new ViscaReply.InquiryData(camera, data);
    }

    private static ViscaReply error(int camera, int socket, byte[] packet) throws ViscaFormatException {
        expectLength(packet, 4, "error reply (y0 6z ee FF)");
        int code = packet[2] & 0xFF;
        ViscaError error = ViscaError.of(code)
                .orElseThrow(() ->
                        new ViscaFormatException("unknown error code " + hex(code) + ": " + HEX.formatHex(packet)));
        return new ViscaReply.ErrorReply(camera, socket, error);
    }

    private static void expectLength(byte[] packet, int length, String what) throws ViscaFormatException {
        if (packet.length != length) {
            throw new ViscaFormatException(
                    what + " must be " + length + " bytes, got " + packet.length + ": " + HEX.formatHex(packet));
        }
    }

    private static String hex(int b) {
        return String.format("%02X", b);
    }
}
