package org.roomctl.agent.pjlink;

import java.util.ArrayList;
import java.util.List;

/** Bytes from a display in, replies out: {@link PjlinkFramer} then {@link PjlinkReply#parse}. Pure. */
public final class PjlinkDecoder {
    private final PjlinkFramer framer;

    /** A decoder with the default line limit. */
    public PjlinkDecoder() {
        this(new PjlinkFramer());
    }

    /** A decoder over {@code framer} (tests give it a small line limit). */
    public PjlinkDecoder(PjlinkFramer framer) {
        this.framer = framer;
    }

    /** Feeds bytes as they came off the wire; returns the replies they completed, in order. */
    public List<PjlinkReply> feed(byte[] bytes) {
        List<PjlinkReply> out = new ArrayList<>();
        framer.feed(bytes, new PjlinkFramer.Sink() {
            @Override
            public void line(String text) {
                out.add(PjlinkReply.parse(text));
            }

            @Override
            public void dropped(String why) {
                out.add(new PjlinkReply.Garbage("", why));
            }
        });
        return out;
    }

    /** Forgets a partial line, for a new connection. */
    public void reset() {
        framer.reset();
    }
}
