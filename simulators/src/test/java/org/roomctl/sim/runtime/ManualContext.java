package org.roomctl.sim.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongFunction;

/** A device thread a test turns by hand: posted work waits until {@link #runPosted} runs it. */
public final class ManualContext implements DeviceContext {
    private final Deque<LongFunction<byte[]>> posted = new ArrayDeque<>();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Override
    public void post(LongFunction<byte[]> work) {
        posted.add(work);
    }

    /** Runs what was posted (and what that posts in turn); returns how many tasks ran. */
    public int runPosted(long now) {
        int ran = 0;
        while (!posted.isEmpty()) {
            output.writeBytes(posted.poll().apply(now));
            ran++;
        }
        return ran;
    }

    /** Keeps what a device sent outside posted work, so {@link #takeOutput} shows it in order. */
    public void record(byte[] sent) {
        output.writeBytes(sent);
    }

    /** Everything sent since the last call, as text. */
    public String takeOutput() {
        String s = output.toString(StandardCharsets.UTF_8);
        output.reset();
        return s;
    }
}
