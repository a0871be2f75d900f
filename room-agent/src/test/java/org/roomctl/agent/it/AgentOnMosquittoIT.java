package org.roomctl.agent.it;

import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

/** The agent's contract on a Mosquitto at 127.0.0.1:1883, when one is running (skipped otherwise). */
class AgentOnMosquittoIT extends AgentContract {
    @Override
    String brokerUri() {
        boolean running;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 1883), 300);
            running = true;
        } catch (Exception e) {
            running = false;
        }
        if (!running) {
            System.err.println("SKIPPED: no Mosquitto on 127.0.0.1:1883 for AgentOnMosquittoIT");
        }
        Assumptions.assumeTrue(running, "no Mosquitto on 127.0.0.1:1883");
        return "tcp://127.0.0.1:1883";
    }
}
