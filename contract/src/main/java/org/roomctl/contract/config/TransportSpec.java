package org.roomctl.contract.config;

/** Where a device's bytes travel, parsed from a transport URI in a room config. */
public sealed interface TransportSpec permits TransportSpec.Serial, TransportSpec.Bridge, TransportSpec.Tcp {

    TransportKind kind();

    /** The canonical URI, which parses back to an equal spec. */
    String uri();

    /** What two devices must not share: the port path, or the TCP host and port. */
    String endpoint();

    /** A local serial port: {@code serial:/dev/ttyUSB0?baud=9600&data=8&parity=none&stop=1}. */
    record Serial(String path, SerialLine line) implements TransportSpec {
        @Override
        public TransportKind kind() {
            return TransportKind.SERIAL;
        }

        @Override
        public String uri() {
            return "serial:" + path + TransportUris.lineQuery(line);
        }

        @Override
        public String endpoint() {
            return "serial:" + path;
        }

        @Override
        public String toString() {
            return "serial " + path + " " + line;
        }
    }

    /**
     * A raw TCP serial bridge: {@code bridge://host:4999?baud=9600}. The line settings describe the
     * serial side behind the bridge (the bridge itself is configured on the bridge).
     */
    record Bridge(String host, int port, SerialLine line) implements TransportSpec {
        @Override
        public TransportKind kind() {
            return TransportKind.BRIDGE;
        }

        @Override
        public String uri() {
            return "bridge://" + TransportUris.hostPort(host, port) + TransportUris.lineQuery(line);
        }

        @Override
        public String endpoint() {
            return "tcp:" + TransportUris.hostPort(host, port);
        }

        @Override
        public String toString() {
            return "bridge " + TransportUris.hostPort(host, port) + " (" + line + ")";
        }
    }

    /** A network protocol over plain TCP: {@code tcp://host:4352}. */
    record Tcp(String host, int port) implements TransportSpec {
        @Override
        public TransportKind kind() {
            return TransportKind.TCP;
        }

        @Override
        public String uri() {
            return "tcp://" + TransportUris.hostPort(host, port);
        }

        @Override
        public String endpoint() {
            return "tcp:" + TransportUris.hostPort(host, port);
        }

        @Override
        public String toString() {
            return "tcp " + TransportUris.hostPort(host, port);
        }
    }
}
