package org.roomctl.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Free local ports for simulated devices and the services a rig starts. */
public final class Ports {
    private Ports() {}

    /**
     * Chooses {@code n} distinct free ports on the loopback address, each from below the system's
     * range for outgoing connections (32768 up on Linux), so that no client socket takes one
     * before a server listens on it; all are held open until all are chosen, so none comes twice.
     * Something else may still take one before it is used: a caller that fails to listen chooses
     * again.
     */
    public static int[] free(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = bindSomewhere();
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    private static ServerSocket bindSomewhere() throws IOException {
        for (int i = 0; i < 200; i++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 32000);
            ServerSocket s = new ServerSocket();
            try {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                return s;
            } catch (IOException taken) {
                s.close();
            }
        }
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }
}
