package org.roomctl.sim.wolfprot;

/**
 * A document camera's switchable behaviour.
 *
 * @param powerTransitionMillis how long switching on or off takes; meanwhile power commands get
 *     "busy" (error 9). 0 switches at once.
 */
public record DocCamFaults(long powerTransitionMillis) {
    public static final DocCamFaults NONE = new DocCamFaults(0);

    public DocCamFaults {
        if (powerTransitionMillis < 0) {
            throw new IllegalArgumentException("powerTransitionMillis must not be negative");
        }
    }
}
