package org.roomctl.sim.visca;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.roomctl.sim.runtime.Bytes;
import org.roomctl.sim.runtime.StreamDevice;

/** A VISCA camera on a byte stream: the {@link ViscaFramer} in front of a {@link ViscaCamera}. */
public final class ViscaDevice implements StreamDevice<ViscaFaults> {
    private final ViscaFramer framer = new ViscaFramer();
    private final ViscaCamera camera;

    public ViscaDevice(int address) {
        this.camera = new ViscaCamera(address);
    }

    @Override
    public byte[] receive(byte[] data, long now) {
        // completions due before these bytes arrived go out first
        List<byte[]> replies = new ArrayList<>(camera.advance(now));
        for (ViscaFramer.Frame frame : framer.feed(data)) {
            replies.addAll(frame.tooLong() ? camera.lengthError(frame.bytes()) : camera.handle(frame.bytes(), now));
        }
        return Bytes.concat(replies);
    }

    @Override
    public byte[] advance(long now) {
        return Bytes.concat(camera.advance(now));
    }

    @Override
    public OptionalLong nextDeadline() {
        return camera.nextDeadline();
    }

    @Override
    public byte[] powerCycle(long now) {
        return Bytes.concat(camera.powerCycle(now));
    }

    @Override
    public ViscaState state(long now) {
        return camera.state(now);
    }

    @Override
    public ViscaFaults faults() {
        return camera.faults();
    }

    @Override
    public void faults(ViscaFaults faults) {
        camera.faults(faults);
    }
}
