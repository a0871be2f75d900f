package org.roomctl.contract.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads room config files (YAML). Strict: an unknown field, a duplicate id, a malformed transport
 * or a secret written into the file stops loading with a {@link ConfigException} that names the
 * file, the line, the field and the problem.
 *
 * <pre>
 * id: sydney-harbour
 * name: Harbour
 * site: Sydney
 * devices:
 *   - id: codec
 *     type: cisco-xapi
 *     transport: serial:/dev/ttyUSB0?baud=115200
 *     uri: sip:sydney-harbour@rooms.example.org
 *     password: ${SYDNEY_HARBOUR_CODEC_PASSWORD}
 *   - id: camera
 *     type: sony-visca
 *     transport: bridge://10.1.2.30:4999?baud=9600
 * </pre>
 */
public final class RoomConfigLoader {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final Set<String> ROOM_FIELDS = Set.of("id", "name", "site", "devices");
    private static final Set<String> DEVICE_FIELDS = Set.of("id", "type", "transport");

    private final Function<String, String> variables;

    /** A loader resolving {@code ${NAME}} from the environment. */
    public RoomConfigLoader() {
        this(Variables.ENVIRONMENT);
    }

    /** A loader resolving {@code ${NAME}} with {@code variables} (null for unset). */
    public RoomConfigLoader(Function<String, String> variables) {
        this.variables = variables;
    }

    /**
     * Loads one file, or every {@code *.yaml}/{@code *.yml} file of a directory in name order.
     * Room ids and device endpoints must be unique across the files.
     */
    public List<RoomConfig> loadAll(Path fileOrDirectory) throws ConfigException {
        List<Path> files;
        if (Files.isDirectory(fileOrDirectory)) {
            try (Stream<Path> s = Files.list(fileOrDirectory)) {
                files = s.filter(p -> {
                            String n = p.getFileName().toString();
                            return n.endsWith(".yaml") || n.endsWith(".yml");
                        })
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new ConfigException(fileOrDirectory, 0, "", "cannot list the directory: " + e.getMessage());
            }
            if (files.isEmpty()) {
                throw new ConfigException(fileOrDirectory, 0, "", "no room config files (*.yaml) in this directory");
            }
        } else {
            files = List.of(fileOrDirectory);
        }
        List<RoomConfig> rooms = new ArrayList<>();
        Map<String, Path> roomIds = new HashMap<>();
        Map<String, String> endpoints = new HashMap<>();
        for (Path file : files) {
            RoomConfig room = load(file);
            Path other = roomIds.putIfAbsent(room.id(), file);
            if (other != null) {
                throw new ConfigException(file, 0, "id", "room id '" + room.id() + "' is also used by " + other);
            }
            for (int i = 0; i < room.devices().size(); i++) {
                DeviceConfig d = room.devices().get(i);
                String owner = endpoints.putIfAbsent(d.transport().endpoint(), room.id() + "/" + d.id());
                if (owner != null) {
                    throw new ConfigException(
                            file,
                            0,
                            "devices[" + i + "].transport",
                            d.transport().uri() + " is already the transport of " + owner);
                }
            }
            rooms.add(room);
        }
        return rooms;
    }

    /** Loads one room config file. */
    public RoomConfig load(Path file) throws ConfigException {
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            root = new Yaml(new SafeConstructor(options)).compose(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, 0, "", "no such file");
        } catch (MalformedInputException e) {
            throw new ConfigException(file, 0, "", "is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(file, 0, "", "cannot read: " + e.getMessage());
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new ConfigException(file, line, "", "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigException(file, 0, "", "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new ConfigException(file, 0, "", "is empty; a room needs id, name, site and devices");
        }
        return new FileReader(file).room(root);
    }

    /** Reads one file's node tree; knows the file for error messages. */
    private final class FileReader {
        private final Path file;

        FileReader(Path file) {
            this.file = file;
        }

        RoomConfig room(Node root) throws ConfigException {
            Map<String, NodeTuple> fields = mapping(root, "", ROOM_FIELDS, "a room");
            String id = id(fields, "", "id");
            String name = requiredString(fields, "", "name");
            String site = requiredString(fields, "", "site");
            NodeTuple devicesField = fields.get("devices");
            if (devicesField == null) {
                throw error(root, "devices", "missing; a room needs at least one device");
            }
            if (!(devicesField.getValueNode() instanceof SequenceNode seq)) {
                throw error(
                        devicesField.getValueNode(),
                        "devices",
                        "must be a list of devices (each starting with '- id:')");
            }
            if (seq.getValue().isEmpty()) {
                throw error(seq, "devices", "is empty; a room needs at least one device");
            }
            List<DeviceConfig> devices = new ArrayList<>();
            Map<String, Integer> seenIds = new HashMap<>();
            Map<String, Integer> seenEndpoints = new HashMap<>();
            Integer codecAt = null;
            for (int i = 0; i < seq.getValue().size(); i++) {
                Node node = seq.getValue().get(i);
                String at = "devices[" + i + "]";
                DeviceConfig device = device(node, at);
                Integer dup = seenIds.putIfAbsent(device.id(), i);
                if (dup != null) {
                    throw error(
                            node,
                            at + ".id",
                            "duplicate device id '" + device.id() + "' (devices[" + dup + "] has it too)");
                }
                Integer sharing = seenEndpoints.putIfAbsent(device.transport().endpoint(), i);
                if (sharing != null) {
                    throw error(
                            node,
                            at + ".transport",
                            device.transport().uri() + " is already the transport of devices[" + sharing + "]");
                }
                if (device.role() == DeviceRole.CODEC) {
                    if (codecAt != null) {
                        throw error(
                                node,
                                at + ".type",
                                "a room has at most one codec; devices[" + codecAt + "] is one already");
                    }
                    codecAt = i;
                }
                devices.add(device);
            }
            return new RoomConfig(file, id, name, site, devices);
        }

        DeviceConfig device(Node node, String at) throws ConfigException {
            Map<String, NodeTuple> raw = mapping(node, at, null, "a device");
            String id = id(raw, at, "id");
            NodeTuple typeField = raw.get("type");
            if (typeField == null) {
                throw error(node, at + ".type", "missing; known types: " + String.join(", ", DeviceTypes.names()));
            }
            String typeName = scalar(typeField.getValueNode(), at + ".type");
            DeviceType type = DeviceTypes.byName(typeName)
                    .orElseThrow(() -> error(
                            typeField.getValueNode(),
                            at + ".type",
                            "unknown device type '" + typeName + "' (known: " + String.join(", ", DeviceTypes.names())
                                    + ")"));
            Set<String> allowed = new TreeSet<>(DEVICE_FIELDS);
            allowed.addAll(type.options());
            for (NodeTuple t : raw.values()) {
                String key = ((ScalarNode) t.getKeyNode()).getValue();
                if (!allowed.contains(key)) {
                    throw error(
                            t.getKeyNode(),
                            at + "." + key,
                            "unknown field for a " + type.name() + " device (known: " + String.join(", ", allowed)
                                    + ")");
                }
            }
            NodeTuple transportField = raw.get("transport");
            if (transportField == null) {
                throw error(
                        node,
                        at + ".transport",
                        "missing; for example "
                                + type.transports().stream()
                                        .sorted()
                                        .findFirst()
                                        .map(TransportKind::uriPrefix)
                                        .orElse("")
                                + "...");
            }
            TransportSpec transport;
            try {
                transport = TransportUris.parse(string(transportField.getValueNode(), at + ".transport"), type);
            } catch (IllegalArgumentException e) {
                throw error(transportField.getValueNode(), at + ".transport", e.getMessage());
            }
            int address = 1;
            if (raw.containsKey("address")) {
                address = integer(raw.get("address").getValueNode(), at + ".address", 1, 7);
            }
            Optional<String> uri = optionalString(raw, at, "uri");
            if (type.role() == DeviceRole.CODEC) {
                if (uri.isEmpty()) {
                    throw error(
                            node,
                            at + ".uri",
                            "missing; a codec needs the address other rooms dial, " + "for example uri: sip:" + id
                                    + "@rooms.example.org");
                }
                if (uri.get().isBlank() || uri.get().chars().anyMatch(Character::isWhitespace)) {
                    throw error(
                            raw.get("uri").getValueNode(), at + ".uri", "'" + uri.get() + "' is not a call address");
                }
            }
            Optional<String> username = optionalString(raw, at, "username");
            Optional<Secret> password = Optional.empty();
            if (raw.containsKey("password")) {
                password = Optional.of(secret(raw.get("password").getValueNode(), at + ".password"));
            }
            Duration poll = raw.containsKey("pollInterval")
                    ? duration(
                            raw.get("pollInterval").getValueNode(),
                            at + ".pollInterval",
                            Duration.ofMillis(100),
                            Duration.ofHours(1))
                    : DeviceConfig.DEFAULT_POLL_INTERVAL;
            Duration timeout = raw.containsKey("commandTimeout")
                    ? duration(
                            raw.get("commandTimeout").getValueNode(),
                            at + ".commandTimeout",
                            Duration.ofMillis(100),
                            Duration.ofMinutes(10))
                    : DeviceConfig.DEFAULT_COMMAND_TIMEOUT;
            return new DeviceConfig(id, type, transport, address, uri, username, password, poll, timeout);
        }

        private Map<String, NodeTuple> mapping(Node node, String at, Set<String> allowed, String what)
                throws ConfigException {
            if (!(node instanceof MappingNode map)) {
                throw error(node, at, "must be " + what + " (a mapping of field: value)");
            }
            Map<String, NodeTuple> fields = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode key)) {
                    throw error(t.getKeyNode(), at, "field names must be plain words");
                }
                String path = at.isEmpty() ? key.getValue() : at + "." + key.getValue();
                if (allowed != null && !allowed.contains(key.getValue())) {
                    throw error(key, path, "unknown field (known: " + String.join(", ", new TreeSet<>(allowed)) + ")");
                }
                if (fields.put(key.getValue(), t) != null) {
                    throw error(key, path, "appears twice");
                }
            }
            return fields;
        }

        private String id(Map<String, NodeTuple> fields, String at, String name) throws ConfigException {
            String path = at.isEmpty() ? name : at + "." + name;
            NodeTuple t = fields.get(name);
            if (t == null) {
                throw new ConfigException(file, 0, path, "missing");
            }
            String id = string(t.getValueNode(), path);
            if (!ID.matcher(id).matches()) {
                throw error(
                        t.getValueNode(),
                        path,
                        "'" + id + "' is not a valid id: use lowercase letters, digits and dashes"
                                + " (it becomes part of MQTT topics)");
            }
            return id;
        }

        private String requiredString(Map<String, NodeTuple> fields, String at, String name) throws ConfigException {
            String path = at.isEmpty() ? name : at + "." + name;
            NodeTuple t = fields.get(name);
            if (t == null) {
                throw new ConfigException(file, 0, path, "missing");
            }
            String v = string(t.getValueNode(), path);
            if (v.isBlank()) {
                throw error(t.getValueNode(), path, "is empty");
            }
            return v.strip();
        }

        private Optional<String> optionalString(Map<String, NodeTuple> fields, String at, String name)
                throws ConfigException {
            NodeTuple t = fields.get(name);
            return t == null
                    ? Optional.empty()
                    : Optional.of(string(t.getValueNode(), at + "." + name).strip());
        }

        private String scalar(Node node, String path) throws ConfigException {
            if (!(node instanceof ScalarNode s)) {
                throw error(node, path, "must be a single value, not a list or a mapping");
            }
            return s.getValue();
        }

        /** A scalar with {@code ${NAME}} references resolved. */
        private String string(Node node, String path) throws ConfigException {
            String raw = scalar(node, path);
            try {
                return Variables.substitute(raw, variables);
            } catch (Variables.UnsetVariableException e) {
                throw error(node, path, e.getMessage() + " (referenced as ${" + e.variable() + "})");
            }
        }

        private Secret secret(Node node, String path) throws ConfigException {
            String raw = scalar(node, path);
            String variable = Variables.soleReference(raw);
            if (variable == null) {
                throw error(
                        node,
                        path,
                        "a secret must come from the environment, not the file: write "
                                + path.substring(path.lastIndexOf('.') + 1)
                                + ": ${SOME_VARIABLE} and set SOME_VARIABLE");
            }
            String value = variables.apply(variable);
            if (value == null) {
                throw error(node, path, "environment variable " + variable + " is not set");
            }
            return new Secret(variable, value);
        }

        private int integer(Node node, String path, int min, int max) throws ConfigException {
            String v = string(node, path);
            try {
                int i = Integer.parseInt(v.strip());
                if (i < min || i > max) {
                    throw error(node, path, i + " is out of range " + min + ".." + max);
                }
                return i;
            } catch (NumberFormatException e) {
                throw error(node, path, "'" + v + "' is not a whole number");
            }
        }

        private Duration duration(Node node, String path, Duration min, Duration max) throws ConfigException {
            String v = string(node, path).strip();
            Matcher m = DURATION.matcher(v);
            if (!m.matches()) {
                throw error(node, path, "'" + v + "' is not a duration such as 500ms, 10s, 2m or 1h");
            }
            long n = Long.parseLong(m.group(1));
            Duration d =
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofHours(n);
                    };
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw error(node, path, v + " is out of range " + pretty(min) + ".." + pretty(max));
            }
            return d;
        }

        private ConfigException error(Node node, String field, String problem) {
            int line = node != null && node.getStartMark() != null
                    ? node.getStartMark().getLine() + 1
                    : 0;
            return new ConfigException(file, line, field, problem);
        }
    }

    private static String pretty(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + "ms";
        }
        if (d.toSeconds() < 60) {
            return d.toSeconds() + "s";
        }
        if (d.toMinutes() < 60) {
            return d.toMinutes() + "m";
        }
        return d.toHours() + "h";
    }
}
