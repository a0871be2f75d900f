package org.roomctl.sim.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roomctl.sim.TestRooms.bridge;
import static org.roomctl.sim.TestRooms.device;
import static org.roomctl.sim.TestRooms.display;
import static org.roomctl.sim.TestRooms.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomctl.contract.config.DeviceTypes;
import org.roomctl.sim.Hex;
import org.roomctl.sim.SimulatorOptions;
import org.roomctl.sim.Simulators;
import org.roomctl.sim.TcpClient;

class StateServerIT {
    private static final Duration WAIT = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private Simulators simulators;
    private StateServer server;

    /** An answer: status and JSON body. */
    private record Answer(int status, JsonNode body) {}

    @BeforeEach
    void start() throws IOException {
        simulators = Simulators.start(
                List.of(
                        room(
                                "room-a",
                                device("camera", DeviceTypes.SONY_VISCA, bridge(9600)),
                                display("display", null)),
                        room("room-b", display("display", null))),
                SimulatorOptions.anyFreePorts());
        server = StateServer.start(simulators, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
        simulators.close();
    }

    private Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(server.uri().resolve(path)).GET().build());
    }

    private Answer post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(server.uri().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .build());
    }

    private Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        return new Answer(response.statusCode(), json.readTree(response.body()));
    }

    @Test
    void stateShowsEveryRoomAndDevice() throws Exception {
        Answer answer = get("state");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("rooms").findValuesAsText("id")).contains("room-a", "room-b", "camera", "display");
        JsonNode camera = answer.body().get("rooms").get(0).get("devices").get(0);
        assertThat(camera.get("type").asText()).isEqualTo("sony-visca");
        assertThat(camera.get("endpoint").get("kind").asText()).isEqualTo("bridge");
        assertThat(camera.get("endpoint").get("port").asInt()).isPositive();
        assertThat(camera.get("device").get("power").asText()).isEqualTo("on");
        assertThat(camera.get("faults").get("pacing").asBoolean()).isTrue();
    }

    @Test
    void oneRoomAndOneDevice() throws Exception {
        assertThat(get("rooms/room-b").body().get("devices")).hasSize(1);
        Answer display = get("rooms/room-a/devices/display");
        assertThat(display.status()).isEqualTo(200);
        assertThat(display.body().get("device").get("power").asText()).isEqualTo("standby");
        assertThat(get("rooms/room-a/devices/display/faults")
                        .body()
                        .get("idleDisconnectMillis")
                        .asLong())
                .isEqualTo(30_000);
    }

    @Test
    void postingFaultsChangesTheDevice() throws Exception {
        Answer answer = post("rooms/room-a/devices/camera/faults", "{\"busySockets\": 2, \"pacing\": false}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("faults").get("busySockets").asInt()).isEqualTo(2);
        try (TcpClient client = TcpClient.connect(
                "127.0.0.1", simulators.device("room-a", "camera").endpoint().port())) {
            client.write(Hex.bytes("81 01 04 00 02 FF"));
            assertThat(Hex.of(client.read(4, WAIT))).isEqualTo("90 60 03 FF");
        }
    }

    @Test
    void anUnknownFaultIsABadRequest() throws Exception {
        Answer answer = post("rooms/room-a/devices/camera/faults", "{\"wobble\": true}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("error").asText()).contains("unknown fault 'wobble'");
    }

    @Test
    void aBodyThatIsNotAnObjectIsABadRequest() throws Exception {
        assertThat(post("rooms/room-a/devices/camera/faults", "[1]").status()).isEqualTo(400);
        assertThat(post("rooms/room-a/devices/camera/faults", "null").status()).isEqualTo(400);
    }

    @Test
    void unplugAndPlugAreActions() throws Exception {
        int port = simulators.device("room-a", "display").endpoint().port();
        Answer unplugged = post("rooms/room-a/devices/display/unplug", "");
        assertThat(unplugged.body().get("plugged").asBoolean()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TcpClient.connect("127.0.0.1", port))
                .isInstanceOf(ConnectException.class);
        assertThat(post("rooms/room-a/devices/display/plug", "")
                        .body()
                        .get("plugged")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void powerCycleIsAnAction() throws Exception {
        try (TcpClient client = TcpClient.connect(
                "127.0.0.1", simulators.device("room-a", "camera").endpoint().port())) {
            org.awaitility.Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> simulators.device("room-a", "camera").state().clients() == 1);
            assertThat(post("rooms/room-a/devices/camera/power-cycle", "").status())
                    .isEqualTo(200);
            assertThat(Hex.of(client.read(3, WAIT))).isEqualTo("90 38 FF");
        }
    }

    @Test
    void dropConnectionIsAnAction() throws Exception {
        try (TcpClient client = TcpClient.connect(
                "127.0.0.1", simulators.device("room-a", "display").endpoint().port())) {
            client.readUntil("\r", WAIT);
            assertThat(post("rooms/room-a/devices/display/drop-connection", "").status())
                    .isEqualTo(200);
            assertThat(client.closedByPeer(WAIT)).isTrue();
        }
    }

    @Test
    void unknownRoomsDevicesAndPathsAreNotFound() throws Exception {
        assertThat(get("rooms/nowhere").status()).isEqualTo(404);
        assertThat(get("rooms/room-a/devices/toaster").status()).isEqualTo(404);
        assertThat(get("nothing/here").status()).isEqualTo(404);
        assertThat(post("rooms/room-a/devices/camera/explode", "").status()).isEqualTo(404);
    }

    @Test
    void theWrongMethodIsRefused() throws Exception {
        assertThat(post("state", "").status()).isEqualTo(405);
        assertThat(get("rooms/room-a/devices/camera/unplug").status()).isEqualTo(405);
    }

    @Test
    void theUriSaysWhereItServes() {
        assertThat(server.uri()).isEqualTo(URI.create("http://127.0.0.1:" + server.port() + "/"));
    }
}
