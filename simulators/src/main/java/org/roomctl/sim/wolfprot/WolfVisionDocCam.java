package org.roomctl.sim.wolfprot;

import java.util.HexFormat;

/**
 * A WolfVision document camera's WolfProt core: one whole message in, the reply out. Pure.
 *
 * <pre>
 * GET power      00 30 00      -> 00 30 01 01 (on) / 00 30 01 00 (off)
 * SET power on   01 30 01 01   -> 01 30 00
 * </pre>
 *
 * Errors repeat the header with the high bit set and the command, and end with the error number:
 * {@code 81 30 03} invalid parameter, {@code 8h cc 02} unknown command, {@code 8h cc 04} invalid
 * length, {@code 8h 30 09} busy while switching on or off.
 */
public final class WolfVisionDocCam {
    static final int POWER = 0x30;
    static final int INVALID_COMMAND = 0x02;
    static final int INVALID_PARAMETER = 0x03;
    static final int INVALID_LENGTH = 0x04;
    static final int BUSY = 0x09;

    private boolean powerOn;
    private boolean switchingTo;
    private long switchedAt = Long.MIN_VALUE;
    private DocCamFaults faults = DocCamFaults.NONE;
    private String lastCommand = "";

    public DocCamFaults faults() {
        return faults;
    }

    public void faults(DocCamFaults faults) {
        this.faults = faults;
    }

    /** The reply to one message (header, command, length, data). */
    public byte[] handle(byte[] message, long now) {
        settle(now);
        lastCommand = HexFormat.ofDelimiter(" ").formatHex(message);
        int header = message[0] & 0xFF;
        int command = message[1] & 0xFF;
        int length = message[2] & 0xFF;
        boolean set = header == 0x01;
        if (command != POWER) {
            return error(header, command, INVALID_COMMAND);
        }
        if (set ? length != 1 : length != 0) {
            return error(header, command, INVALID_LENGTH);
        }
        if (set && (message[3] & 0xFF) > 1) {
            return error(header, command, INVALID_PARAMETER);
        }
        if (switching(now)) {
            return error(header, command, BUSY);
        }
        if (!set) {
            return new byte[] {0x00, POWER, 0x01, (byte) (powerOn ? 1 : 0)};
        }
        switchPower(message[3] == 1, now);
        return new byte[] {0x01, POWER, 0x00};
    }

    private void switchPower(boolean on, long now) {
        if (on == powerOn) {
            return;
        }
        if (faults.powerTransitionMillis() == 0) {
            powerOn = on;
        } else {
            switchingTo = on;
            switchedAt = now + faults.powerTransitionMillis() * 1_000_000;
        }
    }

    private boolean switching(long now) {
        return switchedAt != Long.MIN_VALUE && now < switchedAt;
    }

    private void settle(long now) {
        if (switchedAt != Long.MIN_VALUE && now >= switchedAt) {
            powerOn = switchingTo;
            switchedAt = Long.MIN_VALUE;
        }
    }

    /** Mains power off and on: the camera comes back switched off. */
    public void powerCycle() {
        powerOn = false;
        switchedAt = Long.MIN_VALUE;
    }

    public DocCamState state(long now) {
        settle(now);
        String power = switching(now) ? (switchingTo ? "switching on" : "switching off") : powerOn ? "on" : "off";
        return new DocCamState(power, lastCommand);
    }

    private static byte[] error(int header, int command, int code) {
        return new byte[] {(byte) (0x80 | header), (byte) command, (byte) code};
    }
}
