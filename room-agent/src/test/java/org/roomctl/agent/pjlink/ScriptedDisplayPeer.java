package org.roomctl.agent.pjlink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The far end of a PJLink connection for socket tests: a small projector that greets, checks the
 * digest when it has a password, warms up and cools down for a while, reports an error status,
 * and can hang up when idle, hang up in the middle of a command, or fall silent.
 */
final class ScriptedDisplayPeer implements AutoCloseable {
    private final ServerSocket server;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<String> digests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger authErrors = new AtomicInteger();
    /** Answers that replace the projector's own, by command ("LAMP ?" -> "ERR1"). */
    private final Map<String, String> overrides = new ConcurrentHashMap<>();

    private volatile Socket client;

    volatile String password;
    volatile String random = "498e4a67";
    volatile boolean closeAfterAuthError = true;
    volatile long idleCloseMillis;
    volatile boolean silent;
    volatile boolean hangUpOnNextCommand;
    volatile long warmUpMillis = 500;
    volatile long coolDownMillis = 300;
    volatile String errorStatus = "000000";
    volatile Set<String> inputs = Set.of("11", "31", "32");

    private int power; // 0 off, 1 on, 2 cooling, 3 warming
    private long transitionEnds;
    private String input = "31";
    private String mute = "30";

    ScriptedDisplayPeer() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "scripted display peer");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Commands received, without digest, for example {@code POWR ?}. */
    List<String> commands() {
        return List.copyOf(commands);
    }

    long count(String command) {
        return commands.stream().filter(command::equals).count();
    }

    /** The digest prefix of every command received on an authenticated connection. */
    List<String> digests() {
        return List.copyOf(digests);
    }

    int connections() {
        return connections.get();
    }

    int authErrors() {
        return authErrors.get();
    }

    /** Makes {@code command} (for example {@code "LAMP ?"}) answer {@code body} (for example {@code "ERR1"}). */
    void override(String command, String body) {
        overrides.put(command, body);
    }

    synchronized void powerState(int state) {
        power = state;
    }

    synchronized String input() {
        return input;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                client = s;
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(s), "scripted display peer client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s;
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream()) {
            String pw = password;
            String greetingRandom = random;
            out.write((pw == null ? "PJLINK 0\r" : "PJLINK 1 " + greetingRandom + "\r")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long idle = idleCloseMillis;
            s.setSoTimeout(idle > 0 ? (int) idle : 0);
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while (true) {
                try {
                    b = in.read();
                } catch (SocketTimeoutException e) {
                    return; // idle: hang up, as many projectors do after ~30 s
                }
                if (b < 0) {
                    return;
                }
                if (b != '\r') {
                    line.write(b);
                    continue;
                }
                String text = line.toString(StandardCharsets.US_ASCII);
                line.reset();
                if (silent) {
                    continue;
                }
                if (pw != null) {
                    String expected = PjlinkAuth.digest(greetingRandom, pw);
                    String got = text.length() >= 32 ? text.substring(0, 32) : "";
                    digests.add(got);
                    if (!got.equals(expected)) {
                        authErrors.incrementAndGet();
                        out.write("PJLINK ERRA\r".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        if (closeAfterAuthError) {
                            return;
                        }
                        continue;
                    }
                    text = text.substring(32);
                }
                if (!text.startsWith("%1") || text.length() < 8) {
                    continue;
                }
                String command = text.substring(2);
                commands.add(command);
                if (hangUpOnNextCommand) {
                    hangUpOnNextCommand = false;
                    return;
                }
                String name = command.substring(0, 4);
                out.write(("%1" + name + "=" + answer(command) + "\r").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            // the driver went away
        }
    }

    private synchronized String answer(String command) {
        String override = overrides.get(command);
        if (override != null) {
            return override;
        }
        settle();
        String name = command.substring(0, 4);
        String param = command.length() > 5 ? command.substring(5) : "";
        switch (name) {
            case "POWR":
                if (param.equals("?")) {
                    return Integer.toString(power);
                }
                if (power == 2 || power == 3) {
                    return "ERR3";
                }
                if (param.equals("1") && power == 0) {
                    power = 3;
                    transitionEnds = System.currentTimeMillis() + warmUpMillis;
                } else if (param.equals("0") && power == 1) {
                    power = 2;
                    transitionEnds = System.currentTimeMillis() + coolDownMillis;
                } else if (!param.equals("0") && !param.equals("1")) {
                    return "ERR2";
                }
                return "OK";
            case "INPT":
                if (power != 1) {
                    return "ERR3";
                }
                if (param.equals("?")) {
                    return input;
                }
                if (!inputs.contains(param)) {
                    return "ERR2";
                }
                input = param;
                return "OK";
            case "AVMT":
                if (power != 1) {
                    return "ERR3";
                }
                if (param.equals("?")) {
                    return mute;
                }
                mute = param;
                return "OK";
            case "ERST":
                return errorStatus;
            case "LAMP":
                return "1200 " + (power == 1 ? "1" : "0");
            case "NAME":
                return "Left projector";
            case "INF1":
                return "ACME";
            case "INF2":
                return "Beam 3000";
            case "CLSS":
                return "1";
            default:
                return "ERR1";
        }
    }

    private void settle() {
        if ((power == 2 || power == 3) && System.currentTimeMillis() >= transitionEnds) {
            power = power == 3 ? 1 : 0;
        }
    }

    /** Closes the driver's connection. */
    void dropClient() throws IOException {
        Socket s = client;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropClient();
    }
}
