package org.roomctl.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.sim.pjlink.DisplayState;
import org.roomctl.sim.runtime.DeviceSimulator;
import org.roomctl.sim.visca.ViscaState;
import org.roomctl.sim.wolfprot.DocCamState;
import org.roomctl.sim.xapi.CodecState;

/**
 * The agent's public contract, end to end: a real broker, the simulators over pseudo-terminals,
 * serial bridges and TCP, the agent, and a separate MQTT client acting as the user. Each broker
 * runs it through a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AgentContract {
    AgentHarness h;

    /** The broker under test, running. */
    abstract String brokerUri();

    @BeforeAll
    void start() throws Exception {
        h = new AgentHarness(brokerUri()).startAgent();
    }

    @AfterAll
    void stop() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    private DeviceSimulator sim(String room, String device) {
        return h.sims.device(room, device);
    }

    private static void ok(JsonNode reply) {
        assertThat(reply.get("ok").asBoolean()).as("reply %s", reply).isTrue();
    }

    @Test
    void aFreshSubscriberGetsInfoStateDevicesAndAvailability() throws Exception {
        List<BusMessage> got = new CopyOnWriteArrayList<>();
        try (BusClient fresh = new BusClient(BusOptions.to(h.brokerUri, "fresh-" + UUID.randomUUID()))) {
            fresh.connect().get(10, TimeUnit.SECONDS);
            fresh.subscribe(h.topics.room("room-a") + "/#", 1, got::add).get(10, TimeUnit.SECONDS);
            await().until(() -> got.size() >= 7);
            Thread.sleep(200);
        }
        assertThat(got).allMatch(BusMessage::retained);
        assertThat(got)
                .extracting(m -> m.topic().substring(h.topics.room("room-a").length() + 1))
                .containsExactlyInAnyOrder(
                        "availability",
                        "info",
                        "state",
                        "devices/codec/state",
                        "devices/camera/state",
                        "devices/doccam/state",
                        "devices/display/state");
        JsonNode info = AgentHarness.json(got.stream()
                .filter(m -> m.topic().endsWith("/info"))
                .findFirst()
                .orElseThrow());
        assertThat(info.get("name").asText()).isEqualTo("Room A");
        assertThat(info.get("site").asText()).isEqualTo("Sydney");
        assertThat(info.get("codecUri").asText()).isEqualTo("sip:room-a@rooms.example.org");
        assertThat(info.get("devices")).hasSize(4);
        assertThat(info.get("devices").get(1).get("capabilities").toString()).contains("presets:16");
        assertThat(info.get("actions").toString()).contains("call.dial", "camera.recall", "room.shutdown");
        assertThat(info.get("agent").get("version").asText()).isNotBlank();
        JsonNode state = AgentHarness.json(got.stream()
                .filter(m -> m.topic().endsWith("/rooms/room-a/state"))
                .findFirst()
                .orElseThrow());
        assertThat(state.get("seq").asLong()).isPositive();
        assertThat(state.get("timestamp").asText()).isNotBlank();
        assertThat(state.get("call").get("state").asText()).isEqualTo("idle");
        assertThat(state.get("devices")
                        .get("camera")
                        .get("properties")
                        .get("power")
                        .asText())
                .isEqualTo("on");
    }

    @Test
    void cameraActionsMoveTheCamera() throws Exception {
        ok(h.command("room-a", "camera zoom to 6000"));
        assertThat(sim("room-a", "camera").state(ViscaState.class).zoom()).isEqualTo(6000);
        ok(h.command("room-a", "camera save 4"));
        assertThat(sim("room-a", "camera").state(ViscaState.class).presets()).containsKey(4);

        ok(h.command("room-a", "camera move right 20"));
        await().until(() -> sim("room-a", "camera").state(ViscaState.class).pan() > 0);
        ok(h.command("room-a", "camera stop"));
        int pan = sim("room-a", "camera").state(ViscaState.class).pan();
        Thread.sleep(150);
        assertThat(sim("room-a", "camera").state(ViscaState.class).pan()).isEqualTo(pan);

        ok(h.command("room-a", "camera home"));
        assertThat(sim("room-a", "camera").state(ViscaState.class).pan()).isZero();

        // recall is answered when the move has ended: the camera is there by then
        ok(h.command("room-a", "{\"action\":\"camera.recall\",\"preset\":4}"));
        ViscaState at = sim("room-a", "camera").state(ViscaState.class);
        assertThat(at.zoom()).isEqualTo(6000);
        assertThat(at.moving()).isFalse();
        await().until(() ->
                h.device("room-a", "camera").get("properties").path("preset").asInt(-1) == 4);

        ok(h.command("room-a", "camera zoom out 7"));
        ok(h.command("room-a", "camera zoom stop"));
        ok(h.command("room-a", "camera power off"));
        assertThat(sim("room-a", "camera").state(ViscaState.class).power()).isEqualTo("standby");
        await().until(() -> h.device("room-a", "camera")
                .get("properties")
                .get("power")
                .asText()
                .equals("standby"));
        ok(h.command("room-a", "camera power on"));
        assertThat(sim("room-a", "camera").state(ViscaState.class).power()).isEqualTo("on");
    }

    @Test
    void doccamAndDisplayActionsAreDoneWhenAnswered() throws Exception {
        ok(h.command("room-b", "doccam on"));
        assertThat(sim("room-b", "doccam").state(DocCamState.class).power()).isEqualTo("on");
        await().until(() -> h.device("room-b", "doccam")
                .get("properties")
                .get("power")
                .asText()
                .equals("on"));

        ok(h.command("room-a", "display on"));
        await().until(() -> h.device("room-a", "display")
                .get("properties")
                .get("power")
                .asText()
                .equals("on"));
        ok(h.command("room-a", "display input hdmi2"));
        assertThat(sim("room-a", "display").state(DisplayState.class).input()).isEqualTo(32);
        ok(h.command("room-a", "display mute on"));
        assertThat(sim("room-a", "display").state(DisplayState.class).videoMuted())
                .isTrue();
        await().until(() ->
                h.device("room-a", "display").get("properties").get("mute").asBoolean());
        ok(h.command("room-a", "display mute off"));

        ok(h.command("room-b", "doccam off"));
        assertThat(sim("room-b", "doccam").state(DocCamState.class).power()).isEqualTo("off");
    }

    @Test
    void twoRoomsCallEachOtherAndBothReflectIt() throws Exception {
        // B is told to take A's call, then A dials B: the way rooms are connected.
        var answer = h.user.request(
                BusMessage.of(
                        h.topics.command("room-b"), "call answer sip:room-a@rooms.example.org 20 id=ans-1", 1, false),
                Duration.ofSeconds(25));
        JsonNode dial = h.command("room-a", "call dial sip:room-b@rooms.example.org id=dial-1");
        ok(dial);
        assertThat(dial.get("result").get("callId").asInt()).isPositive();
        ok(AgentHarness.json(answer.get(25, TimeUnit.SECONDS)));

        await().until(() -> h.state("room-a").get("call").get("state").asText().equals("connected")
                && h.state("room-b").get("call").get("state").asText().equals("connected"));
        assertThat(h.state("room-a").get("call").get("direction").asText()).isEqualTo("outgoing");
        assertThat(h.state("room-b").get("call").get("peer").asText()).contains("room-a@rooms.example.org");
        assertThat(sim("room-b", "codec").state(CodecState.class).calls()).isNotEmpty();
        await().until(() -> h.events.stream()
                .anyMatch(e -> e.topic().endsWith("room-b/events")
                        && e.text().contains("\"type\":\"call\"")
                        && e.text().contains("\"state\":\"connected\"")));

        ok(h.command("room-b", "call hangup"));
        await().until(() -> h.state("room-a").get("call").get("state").asText().equals("idle")
                && h.state("room-b").get("call").get("state").asText().equals("idle"));
    }

    @Test
    void answeringWithNothingRingingFailsWithTheReason() throws Exception {
        JsonNode r = h.command("room-a", "call answer id=nothing");
        assertThat(r.get("ok").asBoolean()).isFalse();
        assertThat(r.get("id").asText()).isEqualTo("nothing");
        assertThat(r.get("error").get("code").asText()).isEqualTo("DEVICE_ERROR");
    }

    @Test
    void badCommandsAreAnsweredWithAReasonAndTheAgentCarriesOn() throws Exception {
        JsonNode unknown = h.command("room-a", "{\"action\":\"camera.dance\",\"id\":\"u1\"}");
        assertThat(unknown.get("error").get("code").asText()).isEqualTo("UNKNOWN_ACTION");
        assertThat(unknown.get("id").asText()).isEqualTo("u1");
        JsonNode bad = h.command("room-a", "camera recall 42");
        assertThat(bad.get("error").get("code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(bad.get("error").get("message").asText()).contains("preset must be 0..15, not 42");
        JsonNode noDevice = h.command("room-a", "{\"action\":\"camera.home\",\"device\":\"camera-rear\"}");
        assertThat(noDevice.get("error").get("code").asText()).isEqualTo("NO_SUCH_DEVICE");

        byte[] garbage = new byte[300];
        new java.util.Random(1).nextBytes(garbage);
        BusMessage reply = h.user.request(
                        new BusMessage(
                                h.topics.command("room-a"),
                                garbage,
                                1,
                                false,
                                false,
                                null,
                                null,
                                null,
                                null,
                                Map.of(),
                                null,
                                0),
                        Duration.ofSeconds(10))
                .get(15, TimeUnit.SECONDS);
        assertThat(AgentHarness.json(reply).get("error").get("code").asText()).isIn("BAD_REQUEST", "UNKNOWN_ACTION");
        BusMessage empty = h.user.request(
                        BusMessage.of(h.topics.command("room-a"), new byte[0], 1, false), Duration.ofSeconds(10))
                .get(15, TimeUnit.SECONDS);
        assertThat(AgentHarness.json(empty).get("error").get("code").asText()).isEqualTo("BAD_REQUEST");

        ok(h.command("room-a", "refresh"));
        await().until(() -> h.events.stream()
                .anyMatch(e -> e.text().contains("command.failed") && e.text().contains("u1")));
    }

    @Test
    void aRepeatedIdIsAnsweredAgainButRunOnce() throws Exception {
        String id = "dup-" + UUID.randomUUID();
        JsonNode first = h.command("room-b", "camera zoom to 1000 id=" + id);
        ok(first);
        ok(h.command("room-b", "camera zoom to 9000"));
        JsonNode again = h.command("room-b", "camera zoom to 1000 id=" + id);
        assertThat(again).isEqualTo(first);
        Thread.sleep(300);
        assertThat(sim("room-b", "camera").state(ViscaState.class).zoom()).isEqualTo(9000);
    }

    @Test
    void commandsAreRepliedOnTheReplyTopicWithoutAResponseTopic() throws Exception {
        List<BusMessage> replies = new CopyOnWriteArrayList<>();
        h.user.subscribe(h.topics.reply("room-b"), 1, replies::add).get(10, TimeUnit.SECONDS);
        h.user.publish(BusMessage.of(h.topics.command("room-b"), "refresh id=v311", 1, false))
                .get(10, TimeUnit.SECONDS);
        await().until(() -> replies.stream().anyMatch(r -> r.text().contains("\"id\":\"v311\"")));
    }

    @Test
    void anUnpluggedDeviceIsOfflineWithAReasonAndComesBackByItself() throws Exception {
        DeviceSimulator camera = sim("room-a", "camera");
        camera.unplug();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> h.device("room-a", "camera").get("status").asText().equals("offline"));
        assertThat(h.device("room-a", "camera").get("reason").asText()).contains("room-a-camera");
        JsonNode refused = h.command("room-a", "camera home");
        assertThat(refused.get("error").get("code").asText()).isEqualTo("DEVICE_OFFLINE");
        assertThat(h.events)
                .anyMatch(e ->
                        e.text().contains("\"device\":\"camera\"") && e.text().contains("\"status\":\"offline\""));

        camera.plug();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> h.device("room-a", "camera").get("status").asText().equals("online"));
        ok(h.command("room-a", "camera home"));
    }

    @Test
    void aSilentDeviceGoesOfflineWithinThreeChecksAndComesBack() throws Exception {
        DeviceSimulator doccam = sim("room-a", "doccam");
        doccam.setFaults(Map.of("silent", true));
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> h.device("room-a", "doccam").get("status").asText().equals("offline"));
        // three checks every 500 ms, each allowed 500 ms: about two seconds
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(h.device("room-a", "doccam").get("reason").asText()).startsWith("no answer to 3 status checks");
        doccam.setFaults(Map.of("silent", false));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> h.device("room-a", "doccam").get("status").asText().equals("online"));
    }

    @Test
    void garbageOnASerialLineDoesNotHurt() throws Exception {
        DeviceSimulator camera = sim("room-b", "camera");
        ok(h.command("room-b", "camera power on"));
        camera.setFaults(Map.of("garbleProbability", 0.3, "seed", 11));
        try {
            Thread.sleep(2000); // status checks and their answers through a noisy line
        } finally {
            camera.setFaults(Map.of("garbleProbability", 0.0));
        }
        // Once the line is clean, the camera answers again without anyone restarting anything.
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> ok(h.command("room-b", "camera home")));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> h.device("room-b", "camera").get("status").asText().equals("online"));
        assertThat(h.availability("room-b")).isEqualTo("online");
    }

    @Test
    void shutdownHangsUpAndSwitchesEverythingOff() throws Exception {
        try {
            ok(h.command("room-b", "display on"));
            ok(h.command("room-b", "doccam on"));
            await().until(() -> h.device("room-b", "display")
                    .get("properties")
                    .get("power")
                    .asText()
                    .equals("on"));
            JsonNode r = h.command("room-b", "shutdown");
            ok(r);
            assertThat(r.get("result").get("devices").toString())
                    .contains("\"codec\":\"ok\"", "\"display\":\"ok\"", "\"camera\":\"ok\"", "\"doccam\":\"ok\"");
            assertThat(sim("room-b", "doccam").state(DocCamState.class).power()).isEqualTo("off");
            assertThat(sim("room-b", "camera").state(ViscaState.class).power()).isEqualTo("standby");
            assertThat(sim("room-b", "display").state(DisplayState.class).power())
                    .isIn("cooling", "off", "standby");
        } finally {
            h.command("room-b", "camera power on");
        }
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
