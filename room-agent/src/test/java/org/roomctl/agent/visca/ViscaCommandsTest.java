package org.roomctl.agent.visca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.roomctl.agent.visca.Bytes.bytes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ViscaCommandsTest {
    final ViscaCommands camera1 = new ViscaCommands(1);

    // ---- housekeeping ----

    @Test
    void addressSetIsABroadcast() {
        assertThat(ViscaCommands.addressSet())
                .isEqualTo(bytes(
                        0x88, // broadcast
                        0x30, // address set
                        0x01, // the first camera takes address 1
                        0xFF));
    }

    @Test
    void ifClearBroadcast() {
        assertThat(ViscaCommands.ifClearBroadcast())
                .isEqualTo(bytes(
                        0x88, // broadcast
                        0x01, 0x00, 0x01, // IF_Clear
                        0xFF));
    }

    @Test
    void ifClearForOneCamera() {
        assertThat(camera1.ifClear())
                .isEqualTo(bytes(
                        0x81, // controller to camera 1
                        0x01, 0x00, 0x01, // IF_Clear
                        0xFF));
    }

    @Test
    void cancelSocket() {
        assertThat(camera1.cancel(2))
                .isEqualTo(bytes(
                        0x81, // to camera 1
                        0x22, // cancel, socket 2
                        0xFF));
    }

    @Test
    void theHeaderNamesTheCamera() {
        assertThat(new ViscaCommands(3).powerInquiry())
                .isEqualTo(bytes(
                        0x83, // controller (0) to camera 3
                        0x09, 0x04, 0x00, // power inquiry
                        0xFF));
        assertThat(new ViscaCommands(7).home()[0]).isEqualTo((byte) 0x87);
    }

    @Test
    void anAddressOutsideTheChainIsRefused() {
        assertThatThrownBy(() -> new ViscaCommands(0)).hasMessage("camera address 0 outside 1..7");
        assertThatThrownBy(() -> new ViscaCommands(8)).hasMessage("camera address 8 outside 1..7");
    }

    @Test
    void versionInquiry() {
        assertThat(camera1.versionInquiry()).isEqualTo(bytes(0x81, 0x09, 0x00, 0x02, 0xFF));
    }

    // ---- power ----

    @Test
    void power() {
        assertThat(camera1.powerOn()).isEqualTo(bytes(0x81, 0x01, 0x04, 0x00, /* on */ 0x02, 0xFF));
        assertThat(camera1.powerStandby()).isEqualTo(bytes(0x81, 0x01, 0x04, 0x00, /* standby */ 0x03, 0xFF));
        assertThat(camera1.powerInquiry()).isEqualTo(bytes(0x81, /* inquiry */ 0x09, 0x04, 0x00, 0xFF));
    }

    // ---- zoom ----

    @Test
    void zoomAtTheStandardSpeed() {
        assertThat(camera1.zoomStop()).isEqualTo(bytes(0x81, 0x01, 0x04, 0x07, /* stop */ 0x00, 0xFF));
        assertThat(camera1.zoomTele()).isEqualTo(bytes(0x81, 0x01, 0x04, 0x07, /* tele */ 0x02, 0xFF));
        assertThat(camera1.zoomWide()).isEqualTo(bytes(0x81, 0x01, 0x04, 0x07, /* wide */ 0x03, 0xFF));
    }

    @Test
    void zoomAtAVariableSpeed() {
        assertThat(camera1.zoomTele(0)).isEqualTo(bytes(0x81, 0x01, 0x04, 0x07, /* tele, speed 0 */ 0x20, 0xFF));
        assertThat(camera1.zoomTele(7)).isEqualTo(bytes(0x81, 0x01, 0x04, 0x07, /* tele, speed 7 */ 0x27, 0xFF));
        assertThat(camera1.zoomWide(5)).isEqualTo(bytes(0x81, 0x01, 0x04, 0x07, /* wide, speed 5 */ 0x35, 0xFF));
        assertThatThrownBy(() -> camera1.zoomTele(8)).hasMessage("zoom speed 8 outside 0..7");
        assertThatThrownBy(() -> camera1.zoomWide(-1)).hasMessage("zoom speed -1 outside 0..7");
    }

    @Test
    void zoomDirectSendsFourNibbles() {
        assertThat(camera1.zoomDirect(0x4000))
                .isEqualTo(bytes(
                        0x81, 0x01, 0x04, 0x47, // zoom direct
                        0x04, 0x00, 0x00, 0x00, // 4000 hex, a nibble per byte
                        0xFF));
        assertThat(camera1.zoomDirect(0xABCD)).containsSubsequence(bytes(0x0A, 0x0B, 0x0C, 0x0D));
        assertThatThrownBy(() -> camera1.zoomDirect(0x10000)).hasMessage("zoom position 65536 outside 0..65535");
    }

    @Test
    void zoomPositionInquiry() {
        assertThat(camera1.zoomPositionInquiry()).isEqualTo(bytes(0x81, 0x09, 0x04, 0x47, 0xFF));
    }

    // ---- pan and tilt ----

    @ParameterizedTest
    @CsvSource({
        "UP,         03, 01",
        "DOWN,       03, 02",
        "LEFT,       01, 03",
        "RIGHT,      02, 03",
        "UP_LEFT,    01, 01",
        "UP_RIGHT,   02, 01",
        "DOWN_LEFT,  01, 02",
        "DOWN_RIGHT, 02, 02",
        "STOP,       03, 03"
    })
    void panTiltDriveInEveryDirection(PanTiltDrive drive, String xx, String yy) {
        assertThat(camera1.panTiltDrive(drive, 0x18, 0x17))
                .isEqualTo(bytes(
                        0x81,
                        0x01,
                        0x06,
                        0x01, // pan-tilt drive
                        0x18, // pan speed, the fastest
                        0x17, // tilt speed, the fastest
                        Integer.parseInt(xx, 16), // pan direction
                        Integer.parseInt(yy, 16), // tilt direction
                        0xFF));
    }

    @Test
    void panTiltSpeedsOutsideTheirRangesAreRefused() {
        assertThatThrownBy(() -> camera1.panTiltDrive(PanTiltDrive.UP, 0, 1)).hasMessage("pan speed 0 outside 1..24");
        assertThatThrownBy(() -> camera1.panTiltDrive(PanTiltDrive.UP, 0x19, 1))
                .hasMessage("pan speed 25 outside 1..24");
        assertThatThrownBy(() -> camera1.panTiltDrive(PanTiltDrive.UP, 1, 0x18))
                .hasMessage("tilt speed 24 outside 1..23");
    }

    @Test
    void absolutePositionSendsSignedPositionsAsNibbles() {
        assertThat(camera1.absolutePosition(0x10, 0x0A, -2, 0x0123))
                .isEqualTo(bytes(
                        0x81, 0x01, 0x06, 0x02, // absolute position
                        0x10, // pan speed
                        0x0A, // tilt speed
                        0x0F, 0x0F, 0x0F, 0x0E, // pan -2 = FFFE
                        0x00, 0x01, 0x02, 0x03, // tilt 0123
                        0xFF));
    }

    @Test
    void relativePosition() {
        assertThat(camera1.relativePosition(1, 1, 16, -16))
                .isEqualTo(bytes(
                        0x81, 0x01, 0x06, 0x03, // relative position
                        0x01, 0x01, // speeds
                        0x00, 0x00, 0x01, 0x00, // pan +16
                        0x0F, 0x0F, 0x0F, 0x00, // tilt -16 = FFF0
                        0xFF));
        assertThatThrownBy(() -> camera1.relativePosition(1, 1, 40000, 0))
                .hasMessage("pan position 40000 outside -32768..32767");
    }

    @Test
    void homeResetAndPositionInquiry() {
        assertThat(camera1.home()).isEqualTo(bytes(0x81, 0x01, 0x06, /* home */ 0x04, 0xFF));
        assertThat(camera1.panTiltReset()).isEqualTo(bytes(0x81, 0x01, 0x06, /* reset */ 0x05, 0xFF));
        assertThat(camera1.panTiltPositionInquiry()).isEqualTo(bytes(0x81, 0x09, 0x06, 0x12, 0xFF));
    }

    // ---- presets ----

    @Test
    void presets() {
        assertThat(camera1.presetReset(0))
                .isEqualTo(bytes(0x81, 0x01, 0x04, 0x3F, /* reset */ 0x00, /* preset 0 */ 0x00, 0xFF));
        assertThat(camera1.presetSet(9))
                .isEqualTo(bytes(0x81, 0x01, 0x04, 0x3F, /* set */ 0x01, /* preset 9 */ 0x09, 0xFF));
        assertThat(camera1.presetRecall(15))
                .isEqualTo(bytes(0x81, 0x01, 0x04, 0x3F, /* recall */ 0x02, /* preset F */ 0x0F, 0xFF));
        assertThatThrownBy(() -> camera1.presetRecall(16)).hasMessage("preset 16 outside 0..15");
    }
}
