package org.roomctl.sim.wolfprot;

import java.util.ArrayList;
import java.util.List;
import org.roomctl.sim.runtime.Bytes;
import org.roomctl.sim.runtime.StreamDevice;

/** A WolfVision document camera on a byte stream: {@link WolfProtFramer} in front of {@link WolfVisionDocCam}. */
public final class WolfProtDevice implements StreamDevice<DocCamFaults> {
    /** A pause between bytes longer than this abandons a half-received message. */
    public static final long INTER_BYTE_GAP_NANOS = 200_000_000L;

    private final WolfProtFramer framer = new WolfProtFramer(INTER_BYTE_GAP_NANOS);
    private final WolfVisionDocCam camera = new WolfVisionDocCam();

    @Override
    public byte[] receive(byte[] data, long now) {
        List<byte[]> replies = new ArrayList<>();
        for (byte[] message : framer.feed(data, now)) {
            replies.add(camera.handle(message, now));
        }
        return Bytes.concat(replies);
    }

    @Override
    public byte[] powerCycle(long now) {
        camera.powerCycle();
        return NOTHING;
    }

    @Override
    public DocCamState state(long now) {
        return camera.state(now);
    }

    @Override
    public DocCamFaults faults() {
        return camera.faults();
    }

    @Override
    public void faults(DocCamFaults faults) {
        camera.faults(faults);
    }
}
