package org.roomctl.panel.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.roomctl.contract.ErrorCode;

class WordsTest {
    @Test
    void anOfflineDeviceSaysWhatToCheck() {
        assertThat(Words.failure(
                        "camera", ErrorCode.DEVICE_OFFLINE, "camera is offline: connection refused by 10.1.2.3:4999"))
                .isEqualTo("Camera is offline: check that it is powered and plugged in");
        assertThat(Words.offline("doccam")).startsWith("Document camera is offline");
    }

    @Test
    void aBusyDeviceSaysWhyWhenTheRoomSaid() {
        assertThat(Words.failure("display", ErrorCode.BUSY, "display is warming up"))
                .isEqualTo("Display is warming up: try again in a few seconds");
        assertThat(Words.failure("display", ErrorCode.BUSY, "display is cooling down"))
                .contains("cooling down");
        assertThat(Words.failure("display", ErrorCode.BUSY, "display is in standby"))
                .isEqualTo("Display is off: turn it on first");
        assertThat(Words.failure("camera", ErrorCode.BUSY, "all sockets busy"))
                .isEqualTo("Camera is busy: try again in a moment");
    }

    @Test
    void noFailureShowsProtocolsOrCodes() {
        for (ErrorCode code : ErrorCode.values()) {
            String words = Words.failure("display", code, "display refused %1INPT 39 (ERR2: bad parameter)");
            assertThat(words)
                    .as(code.name())
                    .doesNotContain("ERR", "INPT", code.name(), "PJLink")
                    .isNotBlank();
        }
        assertThat(Words.failure("room", null, null)).contains("controller hit a problem");
    }

    @Test
    void statesAndInputsAsPeopleSayThem() {
        assertThat(Words.power("display", "warming")).isEqualTo("Warming up");
        assertThat(Words.power("camera", "standby")).isEqualTo("Off (standby)");
        assertThat(Words.power("doccam", null)).isEqualTo("Not known yet");
        assertThat(Words.input("hdmi2")).isEqualTo("HDMI 2");
        assertThat(Words.input("rgb1")).isEqualTo("Computer 1");
        assertThat(Words.input("41")).isEqualTo("Input 41");
    }

    @Test
    void callTimers() {
        assertThat(Words.timer(Duration.ofSeconds(754))).isEqualTo("12:34");
        assertThat(Words.timer(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
        assertThat(Words.timer(Duration.ofSeconds(-5))).isEqualTo("0:00");
        assertThat(Words.noAnswer(Duration.ofSeconds(10))).contains("within 10 seconds");
    }
}
