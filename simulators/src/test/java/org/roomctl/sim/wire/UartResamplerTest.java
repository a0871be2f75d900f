package org.roomctl.sim.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.roomctl.contract.config.SerialLine;
import org.roomctl.sim.Hex;

class UartResamplerTest {
    private static final byte[] DATA = Hex.bytes("81 01 04 00 02 FF 00 55 AA");

    @Test
    void equalSettingsPassEveryByteThrough() {
        assertThat(UartResampler.resample(DATA, SerialLine.of(9600), SerialLine.of(9600)))
                .isSameAs(DATA);
    }

    @Test
    void resamplingAtTheSameSpeedGivesTheSameBytes() {
        // the sampling itself is faithful: an 8N1 frame read as 8N2 at the same speed is the same byte
        SerialLine twoStop = new SerialLine(9600, 8, SerialLine.Parity.NONE, 20);
        assertThat(Hex.of(UartResampler.resample(DATA, SerialLine.of(9600), twoStop)))
                .isEqualTo(Hex.of(DATA));
    }

    @Test
    void aFasterReceiverReadsGarbage() {
        byte[] read = UartResampler.resample(DATA, SerialLine.of(9600), SerialLine.of(115200));
        assertThat(Hex.of(read)).isNotEqualTo(Hex.of(DATA));
        // a slow bit lasts twelve fast ones: the fast receiver sees more (mostly broken) bytes
        assertThat(read.length).isGreaterThan(DATA.length);
    }

    @Test
    void aSlowerReceiverReadsFewerBytes() {
        byte[] read = UartResampler.resample(DATA, SerialLine.of(115200), SerialLine.of(9600));
        assertThat(read.length).isLessThan(DATA.length);
    }

    @Test
    void theSameMismatchGivesTheSameGarbageEveryTime() {
        assertThat(UartResampler.resample(DATA, SerialLine.of(9600), SerialLine.of(19200)))
                .isEqualTo(UartResampler.resample(DATA, SerialLine.of(9600), SerialLine.of(19200)));
    }

    @Test
    void aParityMismatchChangesWhatIsRead() {
        SerialLine even = new SerialLine(9600, 8, SerialLine.Parity.EVEN, 10);
        // 8E1 frames are a bit longer; an 8N1 receiver takes the parity bit for the stop bit
        byte[] read = UartResampler.resample(Hex.bytes("01 03 07"), even, SerialLine.of(9600));
        assertThat(Hex.of(read)).isNotEqualTo("01 03 07");
    }
}
