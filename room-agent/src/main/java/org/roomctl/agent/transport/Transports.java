package org.roomctl.agent.transport;

import org.roomctl.contract.config.TransportSpec;

/** Makes the transport a room config names. */
public final class Transports {
    private Transports() {}

    public static Transport open(TransportSpec spec) {
        if (spec instanceof TransportSpec.Serial s) {
            return new SerialPortTransport(s.path(), s.line(), Backoff.standard());
        }
        if (spec instanceof TransportSpec.Bridge b) {
            return new TcpTransport(b.host(), b.port(), "bridge", Backoff.standard());
        }
        TransportSpec.Tcp t = (TransportSpec.Tcp) spec;
        return new TcpTransport(t.host(), t.port(), "tcp", Backoff.standard());
    }
}
