package org.roomctl.agent.pjlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PjlinkValuesTest {
    @Test
    void powerStates() {
        assertThat(PjlinkValues.power("0")).isEqualTo("off"); // standby
        assertThat(PjlinkValues.power("1")).isEqualTo("on");
        assertThat(PjlinkValues.power("2")).isEqualTo("cooling");
        assertThat(PjlinkValues.power("3")).isEqualTo("warming");
    }

    @Test
    void unknownPowerState() {
        assertThatThrownBy(() -> PjlinkValues.power("4")).hasMessageContaining("'4'");
    }

    @Test
    void muteStates() {
        assertThat(PjlinkValues.mute("31")).isTrue(); // video and audio muted
        assertThat(PjlinkValues.mute("30")).isFalse();
        assertThat(PjlinkValues.mute("11")).isTrue(); // video only
    }

    @Test
    void lampsArePairsOfHoursAndOnOff() {
        assertThat(PjlinkValues.lamps("1234 1 56 0"))
                .isEqualTo(List.of(Map.of("hours", 1234L, "on", true), Map.of("hours", 56L, "on", false)));
    }

    @Test
    void oddNumberOfLampFieldsIsRefused() {
        assertThatThrownBy(() -> PjlinkValues.lamps("1234")).hasMessageContaining("pairs");
    }

    @Test
    void errorStatusAllOk() {
        assertThat(PjlinkErrorStatus.parse("000000").problems()).isEmpty();
    }

    @Test
    void errorStatusNamesEachPart() {
        // fan, lamp, temperature, cover, filter, other
        PjlinkErrorStatus s = PjlinkErrorStatus.parse("021001");
        assertThat(s.problems())
                .containsExactly(
                        Map.entry("lamp", "error"), Map.entry("temperature", "warning"), Map.entry("other", "warning"));
        assertThat(s.failing()).containsExactly("lamp");
    }

    @Test
    void errorStatusWithABadDigit() {
        assertThatThrownBy(() -> PjlinkErrorStatus.parse("003000")).hasMessageContaining("digit 3 (temperature)");
    }

    @Test
    void errorStatusOfTheWrongLength() {
        assertThatThrownBy(() -> PjlinkErrorStatus.parse("0000")).hasMessageContaining("not 6 digits");
    }
}
