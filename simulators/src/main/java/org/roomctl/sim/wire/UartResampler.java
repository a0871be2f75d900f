package org.roomctl.sim.wire;

import java.io.ByteArrayOutputStream;
import org.roomctl.contract.config.SerialLine;

/**
 * What a UART set to one line setting receives from a UART sending with another: the bytes are
 * turned into the levels on the wire and sampled again the way a receiver does (start-bit edge,
 * then the middle of every bit). Equal settings pass bytes through; a speed or framing mismatch
 * gives the familiar garbage. A byte whose stop bit is missing (framing error) is received as
 * {@code 00}, as Linux does without {@code IGNPAR}/{@code PARMRK}.
 */
public final class UartResampler {
    private static final int OVERSAMPLING = 16;

    private UartResampler() {}

    /** The bytes a receiver with line {@code rx} reads when {@code data} is sent back to back with line {@code tx}. */
    public static byte[] resample(byte[] data, SerialLine tx, SerialLine rx) {
        if (data.length == 0 || tx.equals(rx)) {
            return data;
        }
        Waveform wave = new Waveform(data, tx);
        double bit = 1.0 / rx.baud();
        double step = bit / OVERSAMPLING;
        int parityBits = rx.parity() == SerialLine.Parity.NONE ? 0 : 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        double t = 0;
        boolean previous = true;
        while (t < wave.end()) {
            boolean level = wave.level(t);
            if (previous && !level) {
                // falling edge: a start bit, if it is still low in its middle
                if (!wave.level(t + bit / 2)) {
                    int value = 0;
                    for (int i = 0; i < rx.dataBits(); i++) {
                        if (wave.level(t + (1.5 + i) * bit)) {
                            value |= 1 << i;
                        }
                    }
                    double stopAt = t + (1.5 + rx.dataBits() + parityBits) * bit;
                    out.write(wave.level(stopAt) ? value : 0);
                    t = stopAt;
                    previous = wave.level(t);
                    continue;
                }
            }
            previous = level;
            t += step;
        }
        return out.toByteArray();
    }

    /** The line levels while {@code data} is sent: low start bit, data LSB first, parity, high stop bits, then idle (high). */
    private static final class Waveform {
        private final byte[] data;
        private final SerialLine line;
        private final double bit;
        private final double frame;

        Waveform(byte[] data, SerialLine line) {
            this.data = data;
            this.line = line;
            this.bit = 1.0 / line.baud();
            this.frame = line.bitsPerByte() * bit;
        }

        double end() {
            return data.length * frame + frame;
        }

        boolean level(double t) {
            int index = (int) Math.floor(t / frame);
            if (t < 0 || index >= data.length) {
                return true;
            }
            int b = data[index] & 0xFF;
            int bitIndex = (int) Math.floor((t - index * frame) / bit);
            if (bitIndex == 0) {
                return false;
            }
            if (bitIndex <= line.dataBits()) {
                return ((b >> (bitIndex - 1)) & 1) == 1;
            }
            if (bitIndex == line.dataBits() + 1 && line.parity() != SerialLine.Parity.NONE) {
                return parityBit(b, line.dataBits(), line.parity());
            }
            return true;
        }

        private static boolean parityBit(int b, int dataBits, SerialLine.Parity parity) {
            int ones = Integer.bitCount(b & ((1 << dataBits) - 1));
            return switch (parity) {
                case ODD -> ones % 2 == 0;
                case EVEN -> ones % 2 == 1;
                case MARK -> true;
                case SPACE, NONE -> false;
            };
        }
    }
}
