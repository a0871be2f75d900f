package org.roomctl.contract.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoomConfigLoaderTest {
    @TempDir
    Path dir;

    private final RoomConfigLoader loader = new RoomConfigLoader(Map.of("CODEC_PW", "s3cret", "TTY", "/dev/pts")::get);

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    private static final String GOOD =
            """
            id: sydney-harbour
            name: Harbour
            site: Sydney
            devices:
              - id: codec
                type: cisco-xapi
                transport: serial:${TTY}/codec?baud=115200
                uri: sip:sydney-harbour@rooms.example.org
                username: admin
                password: ${CODEC_PW}
              - id: camera
                type: sony-visca
                transport: bridge://10.0.0.5:4999?baud=9600
                address: 2
                pollInterval: 500ms
              - id: doccam
                type: wolfvision
                transport: tcp://10.0.0.6
              - id: display
                type: pjlink
                transport: tcp://10.0.0.7
                commandTimeout: 2s
            """;

    @Test
    void readsAWholeRoom() throws Exception {
        RoomConfig room = loader.load(write("r.yaml", GOOD));

        assertThat(room.id()).isEqualTo("sydney-harbour");
        assertThat(room.name()).isEqualTo("Harbour");
        assertThat(room.site()).isEqualTo("Sydney");
        assertThat(room.devices()).extracting(DeviceConfig::id).containsExactly("codec", "camera", "doccam", "display");
        assertThat(room.codecUri()).contains("sip:sydney-harbour@rooms.example.org");

        DeviceConfig codec = room.device("codec").orElseThrow();
        assertThat(codec.transport()).isEqualTo(new TransportSpec.Serial("/dev/pts/codec", SerialLine.of(115200)));
        assertThat(codec.username()).contains("admin");
        assertThat(codec.password().orElseThrow().reveal()).isEqualTo("s3cret");
        assertThat(codec.password().orElseThrow()).hasToString("${CODEC_PW}");

        DeviceConfig camera = room.device("camera").orElseThrow();
        assertThat(camera.transport()).isEqualTo(new TransportSpec.Bridge("10.0.0.5", 4999, SerialLine.of(9600)));
        assertThat(camera.address()).isEqualTo(2);
        assertThat(camera.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(camera.commandTimeout()).isEqualTo(DeviceConfig.DEFAULT_COMMAND_TIMEOUT);

        assertThat(room.device("doccam").orElseThrow().transport()).isEqualTo(new TransportSpec.Tcp("10.0.0.6", 50915));
        DeviceConfig display = room.device("display").orElseThrow();
        assertThat(display.transport()).isEqualTo(new TransportSpec.Tcp("10.0.0.7", 4352));
        assertThat(display.commandTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    private ConfigException failure(String yaml) throws IOException {
        Path file = write("bad.yaml", yaml);
        try {
            loader.load(file);
        } catch (ConfigException e) {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.getMessage()).startsWith(file.toString());
            return e;
        }
        throw new AssertionError("expected a ConfigException for\n" + yaml);
    }

    @Test
    void unknownDeviceTypeListsTheKnownOnes() throws Exception {
        ConfigException e = failure(GOOD.replace("type: sony-visca", "type: sony-visa"));
        assertThat(e.field()).isEqualTo("devices[1].type");
        assertThat(e.line()).isEqualTo(12);
        assertThat(e.problem())
                .contains("unknown device type 'sony-visa'")
                .contains("sony-visca")
                .contains("pjlink");
    }

    @Test
    void badTransportSchemeIsNamed() throws Exception {
        ConfigException e = failure(GOOD.replace("bridge://10.0.0.5:4999", "seriall://10.0.0.5:4999"));
        assertThat(e.field()).isEqualTo("devices[1].transport");
        assertThat(e.problem()).contains("unknown transport 'seriall'");
    }

    @Test
    void transportTheTypeCannotUseIsRefused() throws Exception {
        ConfigException e = failure(GOOD.replace("transport: tcp://10.0.0.7", "transport: serial:/dev/ttyS3"));
        assertThat(e.field()).isEqualTo("devices[3].transport");
        assertThat(e.problem()).contains("a pjlink device cannot use serial:");
    }

    @Test
    void badSerialParametersAreNamed() throws Exception {
        assertThat(failure(GOOD.replace("?baud=115200", "?baud=fast")).problem())
                .contains("baud=fast is not a number");
        assertThat(failure(GOOD.replace("?baud=115200", "?baud=9600&parity=x")).problem())
                .contains("parity=x");
        assertThat(failure(GOOD.replace("?baud=115200", "?speed=9600")).problem())
                .contains("unknown parameter 'speed'");
        assertThat(failure(GOOD.replace("4999?baud=9600", "99999")).problem()).contains("port 99999 is out of range");
    }

    @Test
    void codecWithoutUriIsRefused() throws Exception {
        ConfigException e = failure(GOOD.replace("    uri: sip:sydney-harbour@rooms.example.org\n", ""));
        assertThat(e.field()).isEqualTo("devices[0].uri");
        assertThat(e.problem()).contains("missing").contains("address other rooms dial");
    }

    @Test
    void duplicateDeviceIdIsRefused() throws Exception {
        ConfigException e = failure(GOOD.replace("id: doccam", "id: camera"));
        assertThat(e.field()).isEqualTo("devices[2].id");
        assertThat(e.problem()).contains("duplicate device id 'camera'").contains("devices[1]");
    }

    @Test
    void twoDevicesOnOnePortAreRefused() throws Exception {
        ConfigException e = failure(GOOD.replace("tcp://10.0.0.7", "tcp://10.0.0.6:50915"));
        assertThat(e.field()).isEqualTo("devices[3].transport");
        assertThat(e.problem()).contains("already the transport of devices[2]");
    }

    @Test
    void secondCodecIsRefused() throws Exception {
        String yaml = GOOD
                + """
                  - id: codec2
                    type: cisco-xapi
                    transport: serial:/dev/ttyS9
                    uri: sip:x@example.org
                """;
        assertThat(failure(yaml).problem()).contains("at most one codec");
    }

    @Test
    void passwordWrittenInTheFileIsRefused() throws Exception {
        ConfigException e = failure(GOOD.replace("password: ${CODEC_PW}", "password: hunter2"));
        assertThat(e.field()).isEqualTo("devices[0].password");
        assertThat(e.problem()).contains("must come from the environment");
        assertThat(e.getMessage()).doesNotContain("hunter2");
    }

    @Test
    void passwordWithAFileDefaultIsRefused() throws Exception {
        assertThat(failure(GOOD.replace("${CODEC_PW}", "${CODEC_PW:-hunter2}")).problem())
                .contains("must come from the environment");
    }

    @Test
    void unsetPasswordVariableIsNamed() throws Exception {
        ConfigException e = failure(GOOD.replace("${CODEC_PW}", "${NOT_SET_ANYWHERE}"));
        assertThat(e.problem()).isEqualTo("environment variable NOT_SET_ANYWHERE is not set");
    }

    @Test
    void unsetVariableInAValueIsNamedAndDefaultsApply() throws Exception {
        assertThat(failure(GOOD.replace("${TTY}", "${NO_TTY}")).problem()).contains("NO_TTY is not set");
        RoomConfig room = loader.load(write("r.yaml", GOOD.replace("${TTY}", "${NO_TTY:-/dev/serial}")));
        assertThat(((TransportSpec.Serial) room.device("codec").orElseThrow().transport()).path())
                .isEqualTo("/dev/serial/codec");
    }

    @Test
    void unknownFieldsAreRefusedWithTheKnownOnes() throws Exception {
        ConfigException e = failure(GOOD.replace("    address: 2\n", "    adress: 2\n"));
        assertThat(e.field()).isEqualTo("devices[1].adress");
        assertThat(e.problem())
                .contains("unknown field for a sony-visca device")
                .contains("address");

        ConfigException top = failure("floor: 12\n" + GOOD);
        assertThat(top.field()).isEqualTo("floor");
        assertThat(top.line()).isEqualTo(1);
    }

    @Test
    void optionOfAnotherTypeIsRefused() throws Exception {
        assertThat(failure(GOOD.replace("    address: 2\n", "    uri: sip:cam@x\n"))
                        .problem())
                .contains("unknown field for a sony-visca device");
    }

    @Test
    void badIdsAreRefused() throws Exception {
        assertThat(failure(GOOD.replace("id: sydney-harbour", "id: Sydney/Harbour"))
                        .problem())
                .contains("not a valid id");
        assertThat(failure(GOOD.replace("id: camera", "id: cam+1")).field()).isEqualTo("devices[1].id");
    }

    @Test
    void outOfRangeValuesAreRefused() throws Exception {
        assertThat(failure(GOOD.replace("address: 2", "address: 8")).problem()).contains("8 is out of range 1..7");
        assertThat(failure(GOOD.replace("address: 2", "address: two")).problem())
                .contains("not a whole number");
        assertThat(failure(GOOD.replace("pollInterval: 500ms", "pollInterval: 10"))
                        .problem())
                .contains("not a duration");
        assertThat(failure(GOOD.replace("pollInterval: 500ms", "pollInterval: 5ms"))
                        .problem())
                .contains("out of range 100ms..1h");
    }

    @Test
    void missingRoomFieldsAreNamed() throws Exception {
        assertThat(failure(GOOD.replace("site: Sydney\n", "")).field()).isEqualTo("site");
        assertThat(failure(GOOD.replace("name: Harbour\n", "name: \"  \"\n")).problem())
                .isEqualTo("is empty");
        assertThat(failure("id: x\nname: X\nsite: Y\n").field()).isEqualTo("devices");
        assertThat(failure("id: x\nname: X\nsite: Y\ndevices: []\n").problem()).contains("at least one device");
        assertThat(failure("id: x\nname: X\nsite: Y\ndevices:\n  camera: {}\n").problem())
                .contains("must be a list");
    }

    @Test
    void brokenYamlGivesTheLine() throws Exception {
        ConfigException e = failure("id: x\nname: [unclosed\nsite: y\n");
        assertThat(e.problem()).startsWith("not valid YAML");
        assertThat(e.line()).isGreaterThan(1);
    }

    @Test
    void duplicateKeysInYamlAreRefused() throws Exception {
        ConfigException e = failure("id: x\nid: y\n" + GOOD.substring(GOOD.indexOf("name:")));
        assertThat(e.field()).isEqualTo("id");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.problem()).isEqualTo("appears twice");
    }

    @Test
    void emptyAndMissingFilesAreNamed() throws Exception {
        assertThat(failure("").problem()).contains("is empty");
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.yaml")
                .hasMessageContaining("no such file");
    }

    @Test
    void directoryLoadRefusesDuplicateRoomIdsAndSharedPorts() throws Exception {
        write("a.yaml", GOOD);
        write("b.yaml", GOOD.replace("serial:${TTY}/codec", "serial:/dev/ttyS0"));
        assertThatThrownBy(() -> loader.loadAll(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("b.yaml")
                .hasMessageContaining("room id 'sydney-harbour' is also used by");

        Files.delete(dir.resolve("b.yaml"));
        write(
                "b.yaml",
                GOOD.replace("id: sydney-harbour", "id: other").replace("serial:${TTY}/codec", "serial:/dev/ttyS0"));
        assertThatThrownBy(() -> loader.loadAll(dir))
                .hasMessageContaining("b.yaml")
                .hasMessageContaining("is already the transport of sydney-harbour/camera");
    }

    @Test
    void emptyDirectoryIsNamed() {
        assertThatThrownBy(() -> loader.loadAll(dir)).hasMessageContaining("no room config files");
    }

    @Test
    void shippedRoomConfigsLoad() throws Exception {
        Path shipped = Path.of("..", "room-configs");
        List<RoomConfig> rooms =
                new RoomConfigLoader(name -> name.endsWith("_PASSWORD") ? "demo" : null).loadAll(shipped);

        assertThat(rooms).hasSizeGreaterThanOrEqualTo(4);
        assertThat(rooms).extracting(RoomConfig::site).contains("Sydney", "Melbourne", "Auckland");
        for (RoomConfig room : rooms) {
            for (DeviceRole role : DeviceRole.values()) {
                assertThat(room.devices(role))
                        .as("%s has a %s", room.id(), role)
                        .isNotEmpty();
            }
            assertThat(room.source().getFileName().toString()).isEqualTo(room.id() + ".yaml");
        }
    }
}
