package org.roomctl.agent.visca;

import java.util.ArrayList;
import java.util.List;

/** Keeps what a {@link ViscaFramer} found, for assertions. */
final class CollectingSink implements ViscaFramer.Sink {
    final List<byte[]> packets = new ArrayList<>();
    final List<String> garbage = new ArrayList<>();

    @Override
    public void packet(byte[] packet) {
        packets.add(packet);
    }

    @Override
    public void garbage(String diagnostic) {
        garbage.add(diagnostic);
    }

    List<String> packetsAsHex() {
        return packets.stream().map(Bytes::hex).toList();
    }
}
