package org.roomctl.agent.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.roomctl.agent.device.DeviceException;
import org.roomctl.agent.device.DocumentCamera;
import org.roomctl.contract.Event;
import org.roomctl.contract.Json;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.contract.config.DeviceConfig;
import org.roomctl.contract.config.DeviceTypes;
import org.roomctl.contract.config.TransportSpec;
import org.roomctl.contract.state.DeviceState;
import org.roomctl.contract.state.DeviceStatus;

/** The intake's rules, with a document camera that records what it was asked. */
class CommandIntakeTest {
    /** A document camera whose answers the test controls. */
    static final class FakeDocCam implements DocumentCamera {
        final List<Boolean> asked = new ArrayList<>();
        CompletableFuture<Void> next = CompletableFuture.completedFuture(null);

        @Override
        public CompletableFuture<Void> power(boolean on) {
            asked.add(on);
            return next;
        }

        @Override
        public DeviceConfig config() {
            return new DeviceConfig(
                    "doccam",
                    DeviceTypes.WOLFVISION,
                    new TransportSpec.Tcp("h", 1),
                    1,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(5));
        }

        @Override
        public DeviceState state() {
            return new DeviceState(
                    "doccam", "doccam", "wolfvision", DeviceStatus.ONLINE, null, Instant.EPOCH, Map.of());
        }

        @Override
        public void addListener(Consumer<DeviceState> listener) {}

        @Override
        public void start() {}

        @Override
        public CompletableFuture<Void> refresh() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {}
    }

    private final Instant now = Instant.parse("2026-11-22T10:00:00Z");
    private final FakeDocCam doccam = new FakeDocCam();
    private final List<BusMessage> published = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final CommandIntake intake = new CommandIntake(
            "room-a",
            Topics.standard(),
            new RoomCommands(new RoomDevices(List.of(doccam))),
            published::add,
            events::add,
            Runnable::run,
            Clock.fixed(now, ZoneOffset.UTC));

    private static BusMessage command(
            String payload, String responseTopic, byte[] correlation, Long expiry, Instant receivedAt) {
        return new BusMessage(
                "roomctl/rooms/room-a/command",
                payload.getBytes(StandardCharsets.UTF_8),
                1,
                false,
                false,
                expiry,
                responseTopic,
                correlation,
                null,
                Map.of(),
                receivedAt,
                7);
    }

    private static JsonNode json(BusMessage m) throws Exception {
        return Json.mapper().readTree(m.payload());
    }

    @Test
    void answersOnTheResponseTopicWithTheCorrelationData() throws Exception {
        intake.accept(command("doccam on id=a1", "clients/x/responses", new byte[] {1, 2}, null, now));
        assertThat(doccam.asked).containsExactly(true);
        assertThat(published).hasSize(1);
        BusMessage reply = published.get(0);
        assertThat(reply.topic()).isEqualTo("clients/x/responses");
        assertThat(reply.correlationData()).containsExactly(1, 2);
        JsonNode body = json(reply);
        assertThat(body.get("id").asText()).isEqualTo("a1");
        assertThat(body.get("ok").asBoolean()).isTrue();
        assertThat(body.get("action").asText()).isEqualTo("doccam.power");
        assertThat(body.get("result").get("devices").get(0).asText()).isEqualTo("doccam");
    }

    @Test
    void withoutAResponseTopicTheReplyGoesToTheRoomsReplyTopic() throws Exception {
        intake.accept(command("{\"action\":\"doccam.power\",\"on\":false,\"id\":\"legacy\"}", null, null, null, now));
        assertThat(published.get(0).topic()).isEqualTo("roomctl/rooms/room-a/reply");
        assertThat(json(published.get(0)).get("id").asText()).isEqualTo("legacy");
    }

    @Test
    void theReplyWaitsForTheDevice() throws Exception {
        doccam.next = new CompletableFuture<>();
        intake.accept(command("doccam on id=slow", "r", null, null, now));
        assertThat(published).isEmpty();
        doccam.next.complete(null);
        assertThat(published).hasSize(1);
    }

    @Test
    void aDeviceFailureIsAnErrorReplyAndAnEvent() throws Exception {
        doccam.next =
                CompletableFuture.failedFuture(DeviceException.offline("doccam is offline: connection refused by h:1"));
        intake.accept(command("doccam on id=f", "r", null, null, now));
        JsonNode body = json(published.get(0));
        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(body.get("error").get("code").asText()).isEqualTo("DEVICE_OFFLINE");
        assertThat(body.get("error").get("message").asText()).isEqualTo("doccam is offline: connection refused by h:1");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("command.failed");
            assertThat(e.get("action")).isEqualTo("doccam.power");
        });
    }

    @Test
    void theSameIdFromTheSameSenderRunsOnceButIsAnsweredTwice() throws Exception {
        BusMessage m = command("doccam on id=once", "r", new byte[] {9}, null, now);
        intake.accept(m);
        intake.accept(m);
        assertThat(doccam.asked).containsExactly(true);
        assertThat(published).hasSize(2);
        assertThat(json(published.get(1))).isEqualTo(json(published.get(0)));
    }

    @Test
    void theSameIdFromAnotherSenderIsAnotherCommand() {
        intake.accept(command("doccam on id=1", "panel-a", null, null, now));
        intake.accept(command("doccam on id=1", "panel-b", null, null, now));
        assertThat(doccam.asked).hasSize(2);
    }

    @Test
    void anExpiredCommandIsNotRun() throws Exception {
        intake.accept(command("doccam on id=late", "r", null, 5L, now.minusSeconds(6)));
        assertThat(doccam.asked).isEmpty();
        assertThat(json(published.get(0)).get("error").get("code").asText()).isEqualTo("EXPIRED");
        intake.accept(command("doccam on id=in-time", "r", null, 5L, now.minusSeconds(4)));
        assertThat(doccam.asked).containsExactly(true);
    }

    @Test
    void garbageIsRefusedWithAReasonAndRunsNothing() throws Exception {
        intake.accept(command("{\"action\": \"doccam.power\", \"on\": ", "r", null, null, now));
        intake.accept(command("\u0000\u0001\u0002", "r", null, null, now));
        intake.accept(command("doccam sideways id=s", "r", null, null, now));
        assertThat(doccam.asked).isEmpty();
        assertThat(published).hasSize(3);
        assertThat(json(published.get(0)).get("error").get("message").asText()).startsWith("not valid JSON");
        assertThat(json(published.get(1)).get("error").get("code").asText()).isEqualTo("UNKNOWN_ACTION");
        assertThat(json(published.get(2)).get("id").asText()).isEqualTo("s");
        assertThat(json(published.get(2)).get("error").get("message").asText()).contains("on must be on or off");
    }

    @Test
    void anActionForADeviceTheRoomLacksSaysSo() throws Exception {
        intake.accept(command("camera recall 1 id=c", "r", null, null, now));
        JsonNode body = json(published.get(0));
        assertThat(body.get("error").get("code").asText()).isEqualTo("NO_SUCH_DEVICE");
        assertThat(body.get("error").get("message").asText()).isEqualTo("this room has no camera");
        intake.accept(command("{\"action\":\"doccam.power\",\"on\":true,\"device\":\"nope\"}", "r", null, null, now));
        assertThat(json(published.get(1)).get("error").get("message").asText())
                .isEqualTo("this room has no device 'nope'");
    }
}
