package org.roomctl.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.embedded.EmbeddedBroker;
import org.roomctl.sim.visca.ViscaState;
import org.roomctl.sim.wolfprot.DocCamState;

/** The agent's contract on the embedded HiveMQ, plus what needs a broker we can stop. */
class AgentOnHiveMqIT extends AgentContract {
    private EmbeddedBroker broker;

    @Override
    String brokerUri() {
        if (broker == null) {
            broker = EmbeddedBroker.onFreePort().start();
        }
        return broker.uri();
    }

    @AfterAll
    void stopBroker() {
        broker.close();
    }

    @Test
    void survivesABrokerRestartAndPublishesEverythingAgain() throws Exception {
        broker.stop();
        // Meanwhile the agent keeps driving its devices.
        h.sims.device("room-b", "doccam").unplug();
        Thread.sleep(1500);
        h.retained.clear();
        broker.start(); // an empty broker: no retained messages, no sessions
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "online".equals(h.availability("room-a")) && "online".equals(h.availability("room-b")));
        await().until(() -> h.device("room-b", "doccam") != null);
        assertThat(h.device("room-b", "doccam").get("status").asText()).isEqualTo("offline");
        h.sims.device("room-b", "doccam").plug();
        // Unplugged for as long as the broker was away: its transport retries every 10 s by now.
        await().atMost(Duration.ofSeconds(30)).until(() -> h.allOnline("room-b") && h.allOnline("room-a"));
        assertThat(h.command("room-a", "camera home").get("ok").asBoolean()).isTrue();
    }

    @Test
    void commandsSentWhileTheAgentIsAwayRunWhenItReturnsUnlessExpired() throws Exception {
        h.stopAgent();
        h.user.publish(BusMessage.of(h.topics.command("room-a"), "camera zoom to 4321", 1, false)
                        .withExpiry(1))
                .get(5, TimeUnit.SECONDS);
        h.user.publish(BusMessage.of(h.topics.command("room-a"), "doccam on", 1, false)
                        .withExpiry(60))
                .get(5, TimeUnit.SECONDS);
        Thread.sleep(2500);
        h.startAgent();
        await().atMost(Duration.ofSeconds(15)).until(() -> h.sims.device("room-a", "doccam")
                .state(DocCamState.class)
                .power()
                .equals("on"));
        Thread.sleep(500);
        assertThat(h.sims.device("room-a", "camera").state(ViscaState.class).zoom())
                .isNotEqualTo(4321);
        h.command("room-a", "doccam off");
    }
}
