package org.roomctl.agent.wolfprot;

import java.util.ArrayList;
import java.util.List;
import org.roomctl.agent.visca.Bytes;

/** Keeps what a {@link WolfProtFramer} found, for assertions. */
final class CollectingSink implements WolfProtFramer.Sink {
    final List<byte[]> frames = new ArrayList<>();
    final List<String> garbage = new ArrayList<>();

    @Override
    public void frame(byte[] frame) {
        frames.add(frame);
    }

    @Override
    public void garbage(String diagnostic) {
        garbage.add(diagnostic);
    }

    List<String> framesAsHex() {
        return frames.stream().map(Bytes::hex).toList();
    }
}
