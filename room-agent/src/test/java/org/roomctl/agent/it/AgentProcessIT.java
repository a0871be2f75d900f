package org.roomctl.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomctl.agent.AgentMain;
import org.roomctl.embedded.EmbeddedBroker;

/** The agent as the separate process it is in production: started from flags, killed without warning. */
class AgentProcessIT {
    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.onFreePort().start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static Process agentProcess(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(AgentMain.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        return pb.start();
    }

    @Test
    void theBrokerSaysOfflineWhenTheAgentIsKilled() throws Exception {
        try (AgentHarness h = new AgentHarness(broker.uri())) {
            Process agent = agentProcess(
                    h.variables,
                    "--rooms",
                    AgentHarness.CONFIGS.toString(),
                    "--broker",
                    broker.uri(),
                    "--prefix",
                    h.topics.prefix(),
                    "--client-id-prefix",
                    "killed-");
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> h.allOnline("room-a") && h.allOnline("room-b"));
                agent.destroyForcibly(); // SIGKILL: no DISCONNECT, no offline message of its own
                agent.waitFor(10, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> "offline".equals(h.availability("room-a"))
                                && "offline".equals(h.availability("room-b")));
            } finally {
                agent.destroyForcibly();
            }
        }
    }

    @Test
    void aStoppedAgentSaysOfflineItself() throws Exception {
        try (AgentHarness h = new AgentHarness(broker.uri())) {
            Process agent = agentProcess(
                    h.variables,
                    "--rooms",
                    AgentHarness.CONFIGS.resolve("room-b.yaml").toString(),
                    "--broker",
                    broker.uri(),
                    "--prefix",
                    h.topics.prefix(),
                    "--client-id-prefix",
                    "stopped-");
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> h.allOnline("room-b"));
                agent.destroy(); // SIGTERM: a clean stop
                assertThat(agent.waitFor(15, TimeUnit.SECONDS)).isTrue();
                await().atMost(Duration.ofSeconds(5)).until(() -> "offline".equals(h.availability("room-b")));
            } finally {
                agent.destroyForcibly();
            }
        }
    }

    @Test
    void aBadConfigStopsStartUpNamingFileFieldAndProblem(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("lobby.yaml");
        Files.writeString(
                bad,
                """
                id: lobby
                name: Lobby
                site: Sydney
                devices:
                  - id: camera
                    type: sony-visca
                    transport: serial:/dev/ttyUSB0
                  - id: camera
                    type: sony-visca
                    transport: serial:/dev/ttyUSB1
                """);
        Process agent = agentProcess(Map.of(), "--rooms", bad.toString(), "--broker", broker.uri());
        assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(agent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(agent.exitValue()).isEqualTo(2);
        assertThat(output).contains(bad + ":8: devices[1].id: duplicate device id 'camera' (devices[0] has it too)");
    }

    @Test
    void badFlagsAreRefusedWithUsage() throws Exception {
        Process agent = agentProcess(Map.of(), "--brokr", "tcp://x:1");
        assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(agent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(agent.exitValue()).isEqualTo(2);
        assertThat(output).contains("unknown option '--brokr'").contains("ROOMCTL_MQTT_URL");
    }
}
