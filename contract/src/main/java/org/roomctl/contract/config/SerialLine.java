package org.roomctl.contract.config;

/**
 * Serial line settings: speed and character framing.
 *
 * @param baud bits per second
 * @param dataBits 5 to 8
 * @param parity none, odd, even, mark or space
 * @param stopBits 1, 1.5 or 2, times ten (10, 15, 20) so the value stays exact
 */
public record SerialLine(int baud, int dataBits, Parity parity, int stopBits) {
    public enum Parity {
        NONE('N'),
        ODD('O'),
        EVEN('E'),
        MARK('M'),
        SPACE('S');

        private final char letter;

        Parity(char letter) {
            this.letter = letter;
        }

        public char letter() {
            return letter;
        }
    }

    public static SerialLine of(int baud) {
        return new SerialLine(baud, 8, Parity.NONE, 10);
    }

    /** Bits on the wire for one byte: start bit, data, parity, stop. */
    public double bitsPerByte() {
        return 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits / 10.0;
    }

    /** Time the wire needs to carry {@code bytes} bytes, in nanoseconds. */
    public long wireNanos(int bytes) {
        return (long) (bytes * bitsPerByte() * 1_000_000_000L / baud);
    }

    /** The usual notation, for example {@code 9600 8N1}. */
    @Override
    public String toString() {
        String stop = stopBits == 15 ? "1.5" : Integer.toString(stopBits / 10);
        return baud + " " + dataBits + parity.letter + stop;
    }
}
