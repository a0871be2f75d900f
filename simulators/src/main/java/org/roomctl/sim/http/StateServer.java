package org.roomctl.sim.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.roomctl.sim.Simulators;
import org.roomctl.sim.runtime.DeviceSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulators' state and faults over HTTP (JSON), for tests in other processes and for people.
 *
 * <pre>
 * GET  /state                                     every room and device
 * GET  /rooms/{room}                              one room
 * GET  /rooms/{room}/devices/{device}             one device
 * GET  /rooms/{room}/devices/{device}/faults      its faults and settings
 * POST /rooms/{room}/devices/{device}/faults      {"pacing": false, "garbleProbability": 0.1}
 * POST /rooms/{room}/devices/{device}/unplug      (also plug, power-cycle, drop-connection)
 * </pre>
 *
 * A POST answers with the device's state afterwards. Errors are {@code {"error": "..."}} with 400
 * (a bad body or fault), 404 (no such room, device or path) or 405 (wrong method).
 */
public final class StateServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StateServer.class);
    private static final int MAX_BODY = 64 * 1024;

    private final Simulators simulators;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StateServer(Simulators simulators, HttpServer server, ExecutorService executor) {
        this.simulators = simulators;
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving on {@code host:port} (port 0: any free port). */
    public static StateServer start(Simulators simulators, String host, int port) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new IOException("cannot serve HTTP on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "sim-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        StateServer state = new StateServer(simulators, server, executor);
        server.createContext("/", state::handle);
        server.setExecutor(executor);
        server.start();
        return state;
    }

    /** Where it serves, for example {@code http://127.0.0.1:17000/}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            List<String> path = List.of(
                    exchange.getRequestURI().getPath().replaceAll("^/+|/+$", "").split("/+"));
            try {
                Object body = route(method, path, exchange);
                send(exchange, 200, body);
            } catch (HttpError e) {
                send(exchange, e.status, Map.of("error", e.getMessage()));
            } catch (NoSuchElementException e) {
                send(exchange, 404, Map.of("error", e.getMessage()));
            } catch (IllegalArgumentException e) {
                send(exchange, 400, Map.of("error", e.getMessage()));
            } catch (RuntimeException e) {
                log.error("HTTP {} {} failed", method, exchange.getRequestURI(), e);
                send(exchange, 500, Map.of("error", String.valueOf(e.getMessage())));
            }
        }
    }

    private Object route(String method, List<String> path, HttpExchange exchange) throws IOException {
        if (path.equals(List.of("state"))) {
            requireMethod(method, "GET");
            return simulators.state();
        }
        if (path.size() == 2 && path.get(0).equals("rooms")) {
            requireMethod(method, "GET");
            return simulators.room(path.get(1)).state();
        }
        if (path.size() >= 4 && path.get(0).equals("rooms") && path.get(2).equals("devices")) {
            DeviceSimulator device = simulators.device(path.get(1), path.get(3));
            if (path.size() == 4) {
                requireMethod(method, "GET");
                return device.state();
            }
            if (path.size() == 5) {
                return deviceAction(device, method, path.get(4), exchange);
            }
        }
        throw new HttpError(404, "no such path; try GET /state");
    }

    private Object deviceAction(DeviceSimulator device, String method, String action, HttpExchange exchange)
            throws IOException {
        if (action.equals("faults") && method.equals("GET")) {
            return device.faults();
        }
        requireMethod(method, "POST");
        switch (action) {
            case "faults" -> device.setFaults(readObject(exchange));
            case "unplug" -> device.unplug();
            case "plug" -> device.plug();
            case "power-cycle" -> device.powerCycle();
            case "drop-connection" -> device.dropConnection();
            case "press" -> {
                Object button = readObject(exchange).get("button");
                if (!(button instanceof String b)) {
                    throw new HttpError(400, "press takes {\"button\": \"hang-up\"}");
                }
                try {
                    device.press(b);
                } catch (IllegalArgumentException e) {
                    throw new HttpError(400, e.getMessage());
                }
            }
            default -> throw new HttpError(
                    404, "no action '" + action + "'; try faults, unplug, plug, power-cycle, drop-connection or press");
        }
        return device.state();
    }

    private Map<String, Object> readObject(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY);
            Map<String, Object> changes = null;
            try {
                changes = json.readValue(body, new TypeReference<Map<String, Object>>() {});
            } catch (IOException e) {
                // answered below
            }
            if (changes == null) {
                throw new HttpError(400, "the body must be a JSON object of fault names and values");
            }
            return changes;
        }
    }

    private static void requireMethod(String method, String expected) {
        if (!method.equals(expected)) {
            throw new HttpError(405, "use " + expected);
        }
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** An answer other than 200. */
    private static final class HttpError extends RuntimeException {
        final int status;

        HttpError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
