package org.roomctl.sim.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.roomctl.contract.config.SerialLine;

class ItachSettingsTest {
    private final ItachSettings settings = new ItachSettings(SerialLine.of(9600));

    @Test
    void getSerialReportsSpeedFlowAndParity() {
        assertThat(settings.handle("get_SERIAL,1:1")).containsExactly("SERIAL,1:1,9600,FLOW_NONE,PARITY_NO");
    }

    @Test
    void setSerialChangesTheSettingsAndEchoesThem() {
        assertThat(settings.handle("set_SERIAL,1:1,38400,FLOW_HARDWARE,PARITY_EVEN"))
                .containsExactly("SERIAL,1:1,38400,FLOW_HARDWARE,PARITY_EVEN");
        assertThat(settings.settings().line()).isEqualTo(new SerialLine(38400, 8, SerialLine.Parity.EVEN, 10));
    }

    @Test
    void setSerialWithOnlyTheSpeedKeepsTheRest() {
        assertThat(settings.handle("set_SERIAL,1:1,19200")).containsExactly("SERIAL,1:1,19200,FLOW_NONE,PARITY_NO");
    }

    @Test
    void anUnsupportedSpeedIsRefusedAndChangesNothing() {
        assertThat(settings.handle("set_SERIAL,1:1,12345")).containsExactly("ERR_04");
        assertThat(settings.settings().baud()).isEqualTo(9600);
    }

    @Test
    void anotherModuleOrConnectorDoesNotExist() {
        assertThat(settings.handle("get_SERIAL,2:1")).containsExactly("ERR_02");
        assertThat(settings.handle("get_SERIAL,1:2")).containsExactly("ERR_03");
    }

    @Test
    void anUnknownCommandIsErr01() {
        assertThat(settings.handle("sendir,1:1,1,38000,1,1,1,1")).containsExactly("ERR_01");
    }

    @Test
    void getDevicesListsTheSerialPort() {
        assertThat(settings.handle("getdevices"))
                .containsExactly("device,0,0 ETHERNET", "device,1,1 SERIAL", "endlistdevices");
    }
}
