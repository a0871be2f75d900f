package org.roomctl.sim.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roomctl.sim.visca.ViscaFaults;
import org.roomctl.sim.wire.LinkFaults;

class FaultsTest {
    private final Faults faults = new Faults(LinkFaults.NONE, ViscaFaults.NONE);

    @Test
    void showsEveryValueByName() {
        assertThat(faults.asMap())
                .containsEntry("pacing", true)
                .containsEntry("dropProbability", 0.0)
                .containsEntry("silent", false)
                .containsEntry("moveTimeScale", 1.0)
                .containsEntry("busySockets", 0);
    }

    @Test
    void changesValuesInWhicheverRecordHoldsThem() {
        Faults changed = faults.with(Map.of("pacing", false, "busySockets", 2));
        assertThat(changed.section(LinkFaults.class).pacing()).isFalse();
        assertThat(changed.section(ViscaFaults.class).busySockets()).isEqualTo(2);
        assertThat(changed.section(ViscaFaults.class).moveTimeScale()).isEqualTo(1.0);
    }

    @Test
    void anIntegerWhereADecimalIsExpectedIsFine() {
        assertThat(faults.with(Map.of("moveTimeScale", 3))
                        .section(ViscaFaults.class)
                        .moveTimeScale())
                .isEqualTo(3.0);
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> faults.with(Map.of("speed", 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown fault 'speed'")
                .hasMessageContaining("busySockets");
    }

    @Test
    void aValueOfTheWrongKindIsRefused() {
        assertThatThrownBy(() -> faults.with(Map.of("pacing", "yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pacing");
    }

    @Test
    void aValueTheRecordRefusesIsRefusedWithItsReason() {
        assertThatThrownBy(() -> faults.with(Map.of("busySockets", 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("busySockets must be 0, 1 or 2");
        assertThatThrownBy(() -> faults.with(Map.of("garbleProbability", 1.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 1");
    }
}
