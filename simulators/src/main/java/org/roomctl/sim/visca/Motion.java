package org.roomctl.sim.visca;

/**
 * One axis moving at constant speed from {@code from} at time {@code start} to {@code to} at time
 * {@code end} (nanoseconds); before and after it, the axis stands still.
 */
record Motion(int from, int to, long start, long end) {

    /** An axis standing at {@code position}. */
    static Motion at(int position) {
        return new Motion(position, position, 0, 0);
    }

    /** Where the axis is at {@code now}. */
    int position(long now) {
        if (now >= end || end <= start) {
            return to;
        }
        if (now <= start) {
            return from;
        }
        double done = (double) (now - start) / (end - start);
        return (int) Math.round(from + (to - from) * done);
    }

    boolean moving(long now) {
        return now < end && from != to;
    }

    /** Stops where the axis is at {@code now}. */
    Motion stop(long now) {
        return at(position(now));
    }

    /**
     * A move from wherever the axis is at {@code now} to {@code target} at {@code unitsPerSecond},
     * taking {@code timeScale} times the normal time.
     */
    Motion toward(int target, double unitsPerSecond, double timeScale, long now) {
        int here = position(now);
        long nanos = (long) (Math.abs(target - here) / unitsPerSecond * 1e9 * timeScale);
        return new Motion(here, target, now, now + nanos);
    }
}
