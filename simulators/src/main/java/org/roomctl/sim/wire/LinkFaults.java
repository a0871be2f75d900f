package org.roomctl.sim.wire;

/**
 * What can go wrong on a device's wire, switchable at run time.
 *
 * @param pacing send at the serial line's speed (10 bits per byte at 8N1) rather than at once
 * @param dropProbability chance that any one byte the device sends is lost
 * @param garbleProbability chance that any one byte the device sends has a bit flipped (noise on
 *     requests would only show as the device not answering, which dropping covers)
 * @param seed seeds the random choices, so a test sees the same damage every run
 * @param silent the device is alive but neither reads nor answers
 */
public record LinkFaults(boolean pacing, double dropProbability, double garbleProbability, long seed, boolean silent) {

    /** A healthy, realistically paced wire. */
    public static final LinkFaults NONE = new LinkFaults(true, 0, 0, 1, false);

    public LinkFaults {
        requireProbability("dropProbability", dropProbability);
        requireProbability("garbleProbability", garbleProbability);
    }

    private static void requireProbability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, not " + p);
        }
    }
}
