package org.roomctl.agent.visca;

import java.io.ByteArrayOutputStream;

/**
 * Builds the bytes of every VISCA command and inquiry for one camera on the chain. Pure; each call
 * returns a new array. Arguments outside what the protocol can carry are refused with an {@link
 * IllegalArgumentException} naming the allowed range (callers validate user input first).
 */
public final class ViscaCommands {
    /** Highest camera address on a daisy chain. */
    public static final int MAX_ADDRESS = 7;
    /** Pan speed {@code VV}: 01..18 hex. */
    public static final int MAX_PAN_SPEED = 0x18;
    /** Tilt speed {@code WW}: 01..17 hex. */
    public static final int MAX_TILT_SPEED = 0x17;
    /** Variable zoom speed {@code p}: 0 (slowest) .. 7. */
    public static final int MAX_ZOOM_SPEED = 7;
    /** Preset numbers {@code p}: 0..F. */
    public static final int PRESETS = 16;

    private static final int TERMINATOR = ViscaFramer.TERMINATOR;

    private final int header;

    /** @param camera the camera's address on the chain, 1..7 */
    public ViscaCommands(int camera) {
        if (camera < 1 || camera > MAX_ADDRESS) {
            throw new IllegalArgumentException("camera address " + camera + " outside 1.." + MAX_ADDRESS);
        }
        this.header = 0x80 | camera;
    }

    // ---- housekeeping ----

    /** {@code 88 30 01 FF}: address set, broadcast; the first camera takes address 1. */
    public static byte[] addressSet() {
        return bytes(ViscaReplyDecoder.BROADCAST, 0x30, 0x01, TERMINATOR);
    }

    /** {@code 88 01 00 01 FF}: IF_Clear, broadcast: every camera empties its command buffers. */
    public static byte[] ifClearBroadcast() {
        return bytes(ViscaReplyDecoder.BROADCAST, 0x01, 0x00, 0x01, TERMINATOR);
    }

    /** {@code 8x 01 00 01 FF}: IF_Clear for this camera only; answered {@code y0 50 FF}. */
    public byte[] ifClear() {
        return command(0x01, 0x00, 0x01);
    }

    /** {@code 8x 2y FF}: cancels the command running on socket {@code y} (1..F). */
    public byte[] cancel(int socket) {
        check("socket", socket, 1, 0x0F);
        return bytes(header, 0x20 | socket, TERMINATOR);
    }

    /** {@code 8x 09 00 02 FF}: vendor, model, ROM version and socket count. */
    public byte[] versionInquiry() {
        return command(0x09, 0x00, 0x02);
    }

    // ---- power ----

    /** {@code 8x 01 04 00 02 FF}. */
    public byte[] powerOn() {
        return command(0x01, 0x04, 0x00, 0x02);
    }

    /** {@code 8x 01 04 00 03 FF}. */
    public byte[] powerStandby() {
        return command(0x01, 0x04, 0x00, 0x03);
    }

    /** {@code 8x 09 04 00 FF}: answered {@code y0 50 02 FF} (on) or {@code y0 50 03 FF} (standby). */
    public byte[] powerInquiry() {
        return command(0x09, 0x04, 0x00);
    }

    // ---- zoom ----

    /** {@code 8x 01 04 07 00 FF}. */
    public byte[] zoomStop() {
        return zoom(0x00);
    }

    /** {@code 8x 01 04 07 02 FF}: zoom in at the standard speed. */
    public byte[] zoomTele() {
        return zoom(0x02);
    }

    /** {@code 8x 01 04 07 03 FF}: zoom out at the standard speed. */
    public byte[] zoomWide() {
        return zoom(0x03);
    }

    /** {@code 8x 01 04 07 2p FF}: zoom in at speed {@code p}, 0..7. */
    public byte[] zoomTele(int speed) {
        check("zoom speed", speed, 0, MAX_ZOOM_SPEED);
        return zoom(0x20 | speed);
    }

    /** {@code 8x 01 04 07 3p FF}: zoom out at speed {@code p}, 0..7. */
    public byte[] zoomWide(int speed) {
        check("zoom speed", speed, 0, MAX_ZOOM_SPEED);
        return zoom(0x30 | speed);
    }

    /** {@code 8x 01 04 47 0p 0q 0r 0s FF}: zoom to {@code position}, 0..FFFF, as four nibbles. */
    public byte[] zoomDirect(int position) {
        check("zoom position", position, 0, 0xFFFF);
        return command(0x01, 0x04, 0x47, n(position, 12), n(position, 8), n(position, 4), n(position, 0));
    }

    /** {@code 8x 09 04 47 FF}: answered {@code y0 50 0p 0q 0r 0s FF}. */
    public byte[] zoomPositionInquiry() {
        return command(0x09, 0x04, 0x47);
    }

    // ---- pan and tilt ----

    /**
     * {@code 8x 01 06 01 VV WW XX YY FF}: pan and tilt until stopped.
     *
     * @param panSpeed {@code VV}, 1..0x18
     * @param tiltSpeed {@code WW}, 1..0x17
     */
    public byte[] panTiltDrive(PanTiltDrive drive, int panSpeed, int tiltSpeed) {
        checkSpeeds(panSpeed, tiltSpeed);
        return command(0x01, 0x06, 0x01, panSpeed, tiltSpeed, drive.panByte(), drive.tiltByte());
    }

    /**
     * {@code 8x 01 06 02 VV WW 0Y 0Y 0Y 0Y 0Z 0Z 0Z 0Z FF}: move to a position.
     *
     * @param pan signed 16 bits, sent as four nibbles of its two's complement
     * @param tilt signed 16 bits, likewise
     */
    public byte[] absolutePosition(int panSpeed, int tiltSpeed, int pan, int tilt) {
        return position(0x02, panSpeed, tiltSpeed, pan, tilt);
    }

    /** {@code 8x 01 06 03 VV WW 0Y 0Y 0Y 0Y 0Z 0Z 0Z 0Z FF}: move by an offset (signed 16 bits each). */
    public byte[] relativePosition(int panSpeed, int tiltSpeed, int pan, int tilt) {
        return position(0x03, panSpeed, tiltSpeed, pan, tilt);
    }

    /** {@code 8x 01 06 04 FF}. */
    public byte[] home() {
        return command(0x01, 0x06, 0x04);
    }

    /** {@code 8x 01 06 05 FF}: pan-tilt reset (the camera recalibrates). */
    public byte[] panTiltReset() {
        return command(0x01, 0x06, 0x05);
    }

    /** {@code 8x 09 06 12 FF}: answered {@code y0 50 0w 0w 0w 0w 0z 0z 0z 0z FF}. */
    public byte[] panTiltPositionInquiry() {
        return command(0x09, 0x06, 0x12);
    }

    // ---- presets ----

    /** {@code 8x 01 04 3F 00 0p FF}: forget preset {@code p}, 0..15. */
    public byte[] presetReset(int preset) {
        return preset(0x00, preset);
    }

    /** {@code 8x 01 04 3F 01 0p FF}: store the current position as preset {@code p}, 0..15. */
    public byte[] presetSet(int preset) {
        return preset(0x01, preset);
    }

    /** {@code 8x 01 04 3F 02 0p FF}: move to preset {@code p}, 0..15; completes when the move ends. */
    public byte[] presetRecall(int preset) {
        return preset(0x02, preset);
    }

    // ---- helpers ----

    private byte[] zoom(int how) {
        return command(0x01, 0x04, 0x07, how);
    }

    private byte[] preset(int action, int preset) {
        check("preset", preset, 0, PRESETS - 1);
        return command(0x01, 0x04, 0x3F, action, preset);
    }

    private byte[] position(int mode, int panSpeed, int tiltSpeed, int pan, int tilt) {
        checkSpeeds(panSpeed, tiltSpeed);
        check("pan position", pan, Short.MIN_VALUE, Short.MAX_VALUE);
        check("tilt position", tilt, Short.MIN_VALUE, Short.MAX_VALUE);
        return command(
                0x01,
                0x06,
                mode,
                panSpeed,
                tiltSpeed,
                n(pan, 12),
                n(pan, 8),
                n(pan, 4),
                n(pan, 0),
                n(tilt, 12),
                n(tilt, 8),
                n(tilt, 4),
                n(tilt, 0));
    }

    private static void checkSpeeds(int panSpeed, int tiltSpeed) {
        check("pan speed", panSpeed, 1, MAX_PAN_SPEED);
        check("tilt speed", tiltSpeed, 1, MAX_TILT_SPEED);
    }

    private static void check(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " " + value + " outside " + min + ".." + max);
        }
    }

    /** The nibble of {@code value} at bit {@code shift}, as a VISCA data byte 0x. */
    private static int n(int value, int shift) {
        return (value >> shift) & 0x0F;
    }

    private byte[] command(int... body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 2);
        out.write(header);
        for (int b : body) {
            out.write(b);
        }
        out.write(TERMINATOR);
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }
}
