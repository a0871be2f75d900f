package org.roomctl.contract.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Parses transport URIs. Every failure is an {@link IllegalArgumentException} saying what is wrong. */
public final class TransportUris {
    private TransportUris() {}

    /**
     * Parses {@code uri} for a device of {@code type}, filling in the type's defaults (baud, port).
     *
     * @throws IllegalArgumentException with a message fit for a user when the URI is malformed or
     *     the type cannot use that transport
     */
    public static TransportSpec parse(String uri, DeviceType type) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException(
                    "is empty; expected serial:<path>, bridge://<host>:<port> or tcp://<host>:<port>");
        }
        TransportKind kind = kindOf(uri);
        if (!type.transports().contains(kind)) {
            throw new IllegalArgumentException("'" + uri + "': a " + type.name() + " device cannot use "
                    + kind.uriPrefix() + " (it takes " + describe(type) + ")");
        }
        String rest = uri.substring(kind.uriPrefix().length());
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        Map<String, String> params = params(uri, query);
        return switch (kind) {
            case SERIAL -> {
                String path = rest.startsWith("//") ? rest.substring(2) : rest;
                if (path.isBlank()) {
                    throw new IllegalArgumentException("'" + uri + "': no port path after serial:");
                }
                yield new TransportSpec.Serial(path, line(uri, params, type));
            }
            case BRIDGE -> {
                HostPort hp = hostPort(uri, rest, DeviceTypes.BRIDGE_PORT);
                yield new TransportSpec.Bridge(hp.host, hp.port, line(uri, params, type));
            }
            case TCP -> {
                if (!params.isEmpty()) {
                    throw new IllegalArgumentException("'" + uri + "': tcp:// takes no parameters, found "
                            + params.keySet().iterator().next());
                }
                HostPort hp = hostPort(uri, rest, type.defaultTcpPort());
                yield new TransportSpec.Tcp(hp.host, hp.port);
            }
        };
    }

    private static TransportKind kindOf(String uri) {
        for (TransportKind k : TransportKind.values()) {
            if (uri.startsWith(k.uriPrefix())) {
                return k;
            }
        }
        int colon = uri.indexOf(':');
        String scheme = colon > 0 ? uri.substring(0, colon) : uri;
        throw new IllegalArgumentException("'" + uri + "': unknown transport '" + scheme
                + "'; expected serial:<path>, bridge://<host>:<port> or tcp://<host>:<port>");
    }

    private static String describe(DeviceType type) {
        return String.join(
                " or ",
                type.transports().stream()
                        .sorted()
                        .map(TransportKind::uriPrefix)
                        .toList());
    }

    private static Map<String, String> params(String uri, String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + uri + "': parameter '" + pair + "' is not name=value");
            }
            params.put(pair.substring(0, eq).toLowerCase(Locale.ROOT), pair.substring(eq + 1));
        }
        return params;
    }

    private static SerialLine line(String uri, Map<String, String> params, DeviceType type) {
        Map<String, String> left = new LinkedHashMap<>(params);
        int baud = intParam(
                uri, left.remove("baud"), "baud", type.defaultBaud() > 0 ? type.defaultBaud() : 9600, 50, 4_000_000);
        int data = intParam(uri, left.remove("data"), "data", 8, 5, 8);
        SerialLine.Parity parity = parity(uri, left.remove("parity"));
        int stop = stopBits(uri, left.remove("stop"));
        if (!left.isEmpty()) {
            throw new IllegalArgumentException("'" + uri + "': unknown parameter '"
                    + left.keySet().iterator().next() + "' (known: baud, data, parity, stop)");
        }
        return new SerialLine(baud, data, parity, stop);
    }

    private static int intParam(String uri, String value, String name, int dflt, int min, int max) {
        if (value == null) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(value);
            if (v < min || v > max) {
                throw new IllegalArgumentException(
                        "'" + uri + "': " + name + "=" + value + " is out of range " + min + ".." + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + uri + "': " + name + "=" + value + " is not a number");
        }
    }

    private static SerialLine.Parity parity(String uri, String value) {
        if (value == null) {
            return SerialLine.Parity.NONE;
        }
        String v = value.toLowerCase(Locale.ROOT);
        for (SerialLine.Parity p : SerialLine.Parity.values()) {
            if (p.name().toLowerCase(Locale.ROOT).equals(v)
                    || v.equals(String.valueOf(Character.toLowerCase(p.letter())))) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "'" + uri + "': parity=" + value + " is not one of none, odd, even, mark, space");
    }

    private static int stopBits(String uri, String value) {
        if (value == null) {
            return 10;
        }
        return switch (value) {
            case "1" -> 10;
            case "1.5" -> 15;
            case "2" -> 20;
            default -> throw new IllegalArgumentException("'" + uri + "': stop=" + value + " is not 1, 1.5 or 2");
        };
    }

    private record HostPort(String host, int port) {}

    private static HostPort hostPort(String uri, String authority, int defaultPort) {
        if (authority.contains("/")) {
            throw new IllegalArgumentException("'" + uri + "': unexpected path after host:port");
        }
        String host = authority;
        int port = defaultPort;
        int colon = authority.lastIndexOf(':');
        boolean bracketed = authority.startsWith("[");
        if (colon >= 0 && (!bracketed || colon > authority.indexOf(']'))) {
            host = authority.substring(0, colon);
            String p = authority.substring(colon + 1);
            try {
                port = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + uri + "': port '" + p + "' is not a number");
            }
        }
        if (bracketed) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("'" + uri + "': no host");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException(
                    port == 0
                            ? "'" + uri + "': no port, and this device type has no default port"
                            : "'" + uri + "': port " + port + " is out of range 1..65535");
        }
        return new HostPort(host, port);
    }

    static String hostPort(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    static String lineQuery(SerialLine line) {
        String parity = line.parity().name().toLowerCase(Locale.ROOT);
        String stop = line.stopBits() == 15 ? "1.5" : Integer.toString(line.stopBits() / 10);
        return "?baud=" + line.baud() + "&data=" + line.dataBits() + "&parity=" + parity + "&stop=" + stop;
    }
}
