package org.roomctl.sim.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineNoiseTest {
    private static final byte[] DATA = new byte[200];

    static {
        for (int i = 0; i < DATA.length; i++) {
            DATA[i] = (byte) i;
        }
    }

    @Test
    void quietNoisePassesEverything() {
        assertThat(new LineNoise(0, 0, 1).apply(DATA)).isEqualTo(DATA);
    }

    @Test
    void certainDropLosesEverything() {
        assertThat(new LineNoise(1, 0, 1).apply(DATA)).isEmpty();
    }

    @Test
    void someDropLosesSomeBytesButKeepsTheOrder() {
        byte[] out = new LineNoise(0.3, 0, 1).apply(DATA);
        assertThat(out.length).isBetween(100, 180);
        for (int i = 1; i < out.length; i++) {
            assertThat(out[i] & 0xFF).isGreaterThan(out[i - 1] & 0xFF);
        }
    }

    @Test
    void garblingFlipsOneBitInTheBytesItHits() {
        byte[] out = new LineNoise(0, 0.5, 1).apply(DATA);
        assertThat(out).hasSameSizeAs(DATA).isNotEqualTo(DATA);
        int changed = 0;
        for (int i = 0; i < DATA.length; i++) {
            int diff = (out[i] ^ DATA[i]) & 0xFF;
            if (diff != 0) {
                changed++;
                assertThat(Integer.bitCount(diff)).isEqualTo(1);
            }
        }
        assertThat(changed).isBetween(60, 140);
    }

    @Test
    void theSameSeedDoesTheSameDamage() {
        assertThat(new LineNoise(0.2, 0.2, 42).apply(DATA)).isEqualTo(new LineNoise(0.2, 0.2, 42).apply(DATA));
        assertThat(new LineNoise(0.2, 0.2, 42).apply(DATA)).isNotEqualTo(new LineNoise(0.2, 0.2, 43).apply(DATA));
    }
}
