package org.roomctl.agent.visca;

/**
 * The eight directions of a pan-tilt drive, and stop, with the two bytes {@code XX YY} that say
 * them in {@code 8x 01 06 01 VV WW XX YY FF}: {@code XX} is 01 left, 02 right, 03 no pan; {@code
 * YY} is 01 up, 02 down, 03 no tilt.
 */
public enum PanTiltDrive {
    UP(0x03, 0x01),
    DOWN(0x03, 0x02),
    LEFT(0x01, 0x03),
    RIGHT(0x02, 0x03),
    UP_LEFT(0x01, 0x01),
    UP_RIGHT(0x02, 0x01),
    DOWN_LEFT(0x01, 0x02),
    DOWN_RIGHT(0x02, 0x02),
    STOP(0x03, 0x03);

    private final int pan;
    private final int tilt;

    PanTiltDrive(int pan, int tilt) {
        this.pan = pan;
        this.tilt = tilt;
    }

    /** {@code XX}: 01 left, 02 right, 03 no pan. */
    public int panByte() {
        return pan;
    }

    /** {@code YY}: 01 up, 02 down, 03 no tilt. */
    public int tiltByte() {
        return tilt;
    }
}
