package org.roomctl.contract.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransportUrisTest {
    @Test
    void serialDefaultsToTheTypesBaudAnd8N1() {
        TransportSpec spec = TransportUris.parse("serial:/dev/ttyUSB0", DeviceTypes.SONY_VISCA);
        assertThat(spec).isEqualTo(new TransportSpec.Serial("/dev/ttyUSB0", SerialLine.of(9600)));
        assertThat(spec).hasToString("serial /dev/ttyUSB0 9600 8N1");
    }

    @Test
    void serialTakesAllLineSettings() {
        TransportSpec spec =
                TransportUris.parse("serial:COM3?baud=38400&data=7&parity=even&stop=2", DeviceTypes.SONY_VISCA);
        assertThat(spec)
                .isEqualTo(new TransportSpec.Serial("COM3", new SerialLine(38400, 7, SerialLine.Parity.EVEN, 20)));
        assertThat(((TransportSpec.Serial) spec).line()).hasToString("38400 7E2");
    }

    @Test
    void serialAcceptsTripleSlashForm() {
        assertThat(TransportUris.parse("serial:///dev/ttyS1", DeviceTypes.CISCO_XAPI))
                .isEqualTo(new TransportSpec.Serial("/dev/ttyS1", SerialLine.of(115200)));
    }

    @Test
    void bridgeDefaultsToPort4999() {
        assertThat(TransportUris.parse("bridge://10.1.2.3", DeviceTypes.SONY_VISCA))
                .isEqualTo(new TransportSpec.Bridge("10.1.2.3", 4999, SerialLine.of(9600)));
    }

    @Test
    void tcpDefaultsToTheProtocolPort() {
        assertThat(TransportUris.parse("tcp://proj.local", DeviceTypes.PJLINK))
                .isEqualTo(new TransportSpec.Tcp("proj.local", 4352));
        assertThat(TransportUris.parse("tcp://[::1]", DeviceTypes.WOLFVISION))
                .isEqualTo(new TransportSpec.Tcp("::1", 50915));
    }

    @Test
    void canonicalUriParsesBack() {
        for (String uri : new String[] {"serial:/dev/x?baud=19200&parity=o&stop=1.5", "bridge://h:5000?baud=9600"}) {
            TransportSpec spec = TransportUris.parse(uri, DeviceTypes.SONY_VISCA);
            assertThat(TransportUris.parse(spec.uri(), DeviceTypes.SONY_VISCA)).isEqualTo(spec);
        }
        TransportSpec tcp = TransportUris.parse("tcp://[::1]:7", DeviceTypes.PJLINK);
        assertThat(TransportUris.parse(tcp.uri(), DeviceTypes.PJLINK)).isEqualTo(tcp);
    }

    @Test
    void malformedUrisSayWhatIsWrong() {
        assertThatThrownBy(() -> TransportUris.parse("", DeviceTypes.PJLINK)).hasMessageContaining("is empty");
        assertThatThrownBy(() -> TransportUris.parse("serial:", DeviceTypes.SONY_VISCA))
                .hasMessageContaining("no port path");
        assertThatThrownBy(() -> TransportUris.parse("tcp://:4352", DeviceTypes.PJLINK))
                .hasMessageContaining("no host");
        assertThatThrownBy(() -> TransportUris.parse("tcp://h:x", DeviceTypes.PJLINK))
                .hasMessageContaining("port 'x' is not a number");
        assertThatThrownBy(() -> TransportUris.parse("tcp://h/x", DeviceTypes.PJLINK))
                .hasMessageContaining("unexpected path");
        assertThatThrownBy(() -> TransportUris.parse("tcp://h?baud=1", DeviceTypes.PJLINK))
                .hasMessageContaining("takes no parameters");
        assertThatThrownBy(() -> TransportUris.parse("bridge://h?baud", DeviceTypes.SONY_VISCA))
                .hasMessageContaining("not name=value");
        assertThatThrownBy(() -> TransportUris.parse("tcp://h", DeviceTypes.SONY_VISCA))
                .hasMessageContaining("cannot use tcp://");
        assertThatThrownBy(() -> TransportUris.parse("serial:/x?data=9", DeviceTypes.SONY_VISCA))
                .hasMessageContaining("out of range 5..8");
        assertThatThrownBy(() -> TransportUris.parse("serial:/x?stop=3", DeviceTypes.SONY_VISCA))
                .hasMessageContaining("not 1, 1.5 or 2");
    }

    @Test
    void wireTimeFollowsTheFraming() {
        // 8N1: start + 8 data + 1 stop = 10 bits a byte; 7 bytes at 9600 baud = 7.29 ms.
        assertThat(SerialLine.of(9600).wireNanos(7)).isEqualTo(7_291_666L);
        // 8E2: 12 bits a byte.
        assertThat(new SerialLine(9600, 8, SerialLine.Parity.EVEN, 20).bitsPerByte())
                .isEqualTo(12.0);
    }
}
