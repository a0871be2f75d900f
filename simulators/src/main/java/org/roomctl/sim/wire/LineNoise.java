package org.roomctl.sim.wire;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/** Loses or corrupts bytes with set probabilities, from a seeded generator so that damage repeats. */
public final class LineNoise {
    private final double dropProbability;
    private final double garbleProbability;
    private final Random random;

    public LineNoise(double dropProbability, double garbleProbability, long seed) {
        this.dropProbability = dropProbability;
        this.garbleProbability = garbleProbability;
        this.random = new Random(seed);
    }

    /** Noise as the faults describe it. */
    public static LineNoise of(LinkFaults faults) {
        return new LineNoise(faults.dropProbability(), faults.garbleProbability(), faults.seed());
    }

    /** Whether this noise changes anything at all. */
    public boolean isQuiet() {
        return dropProbability == 0 && garbleProbability == 0;
    }

    /** The bytes as they arrive at the other end: some maybe missing, some with one bit flipped. */
    public byte[] apply(byte[] data) {
        if (isQuiet()) {
            return data;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        for (byte b : data) {
            if (random.nextDouble() < dropProbability) {
                continue;
            }
            if (random.nextDouble() < garbleProbability) {
                b = (byte) (b ^ (1 << random.nextInt(8)));
            }
            out.write(b);
        }
        return out.toByteArray();
    }
}
