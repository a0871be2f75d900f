package org.roomctl.bench;

import java.util.Arrays;

/** Recorded durations and their percentiles, in milliseconds. */
final class Latencies {
    private long[] nanos = new long[1024];
    private int count;

    void add(long n) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = n;
    }

    int count() {
        return count;
    }

    double percentile(double p) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, i))] / 1e6;
    }

    double max() {
        return Arrays.stream(nanos, 0, count).max().orElse(0) / 1e6;
    }

    double mean() {
        return Arrays.stream(nanos, 0, count).average().orElse(0) / 1e6;
    }

    String summary() {
        return String.format(
                "p50 %7.3f ms  p99 %7.3f ms  max %8.3f ms  mean %7.3f ms  (n=%d)",
                percentile(50), percentile(99), max(), mean(), count);
    }
}
