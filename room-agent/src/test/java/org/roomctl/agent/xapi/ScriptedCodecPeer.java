package org.roomctl.agent.xapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The far end of an xAPI terminal for socket tests: a TCP server that answers the driver from a
 * script. It asks for a login when told to, echoes input until echo is switched off, tags answers
 * with the request's result id, and prints {@code OK} after or before the block. Tests add
 * answers per command ({@link #answer}), push feedback ({@link #push}), read what it received
 * ({@link #received}), drop the client or fall silent.
 */
final class ScriptedCodecPeer implements AutoCloseable {
    /** What an answer function returns to make the peer say "Command not recognized.". */
    static final List<String> NOT_RECOGNIZED = List.of("Command not recognized.");

    private static final Pattern TAG = Pattern.compile("(.*?)\\s*\\|\\s*resultId=\"([^\"]*)\"\\s*");

    private final ServerSocket server;
    private final Thread acceptor;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Map<String, Function<String, List<String>>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Socket client;
    private volatile OutputStream out;

    volatile String user;
    volatile String password;
    volatile boolean knowsEchoOff = true;
    volatile boolean knowsPreferencesEcho = true;
    /** Switches echo off without printing anything for it. */
    volatile boolean quietEchoOff;

    volatile boolean okFirst;
    volatile boolean tagAnswers = true;
    volatile boolean silent;
    /** The lines {@code xStatus Call} answers with. */
    volatile List<String> callStatus = List.of();

    ScriptedCodecPeer() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "scripted codec peer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Asks for a login with these credentials on every connection. */
    ScriptedCodecPeer requireLogin(String user, String password) {
        this.user = user;
        this.password = password;
        return this;
    }

    /** Answers commands starting with {@code prefix} with the block lines the function returns. */
    ScriptedCodecPeer answer(String prefix, Function<String, List<String>> lines) {
        answers.put(prefix, lines);
        return this;
    }

    /** Every line received, in order (echo, login and commands, result tags included). */
    List<String> received() {
        return List.copyOf(received);
    }

    /** How many lines received start with {@code prefix}. */
    long count(String prefix) {
        return received.stream().filter(l -> l.startsWith(prefix)).count();
    }

    int connections() {
        return connections.get();
    }

    /** Sends lines (CRLF after each) to the connected driver. */
    void push(String... lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(l).append("\r\n");
        }
        write(b.toString());
    }

    /** Closes the driver's connection (the peer keeps listening). */
    void dropClient() throws IOException {
        Socket s = client;
        if (s != null) {
            s.close();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Socket old = client;
                if (old != null) {
                    old.close();
                }
                client = s;
                out = s.getOutputStream();
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(s), "scripted codec peer client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        Session session = new Session();
        if (user != null) {
            write("login: ");
        }
        try (InputStream in = s.getInputStream()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int previous = -1;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\r' || b == '\n') {
                    if (!(b == '\n' && previous == '\r')) {
                        String text = line.toString(StandardCharsets.UTF_8);
                        line.reset();
                        received.add(text);
                        if (!silent) {
                            session.handle(text);
                        }
                    }
                } else {
                    line.write(b);
                }
                previous = b;
            }
        } catch (IOException e) {
            // the driver went away, or dropClient
        }
    }

    private synchronized void write(String text) {
        OutputStream o = out;
        if (o == null) {
            return;
        }
        try {
            o.write(text.getBytes(StandardCharsets.UTF_8));
            o.flush();
        } catch (IOException e) {
            // the driver went away
        }
    }

    /** One connection's terminal state. */
    private final class Session {
        private boolean loggedIn = user == null;
        private boolean awaitingPassword;
        private boolean echo = true;
        private String lastUser = "";

        void handle(String line) {
            if (!loggedIn) {
                login(line);
                return;
            }
            if (echo) {
                write(line + "\r\n");
            }
            if (line.isBlank()) {
                return;
            }
            Matcher m = TAG.matcher(line);
            String command = m.matches() ? m.group(1) : line.strip();
            String id = m.matches() ? m.group(2) : null;
            if (command.equals("echo off") && quietEchoOff) {
                echo = false;
            } else if (command.equals("echo off")) {
                plain(knowsEchoOff);
            } else if (command.equals("xPreferences Echo Off")) {
                plain(knowsPreferencesEcho);
            } else if (command.startsWith("xFeedback Register")) {
                block(List.of(), id);
            } else if (command.equals("xStatus Call") && !answers.containsKey("xStatus Call")) {
                block(callStatus, id);
            } else {
                Function<String, List<String>> answer = answers.entrySet().stream()
                        .filter(e -> command.startsWith(e.getKey()))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(c -> NOT_RECOGNIZED);
                List<String> lines = answer.apply(command);
                if (lines == NOT_RECOGNIZED) {
                    write("Command not recognized.\r\n");
                } else if (lines != null) {
                    block(lines, id);
                }
            }
        }

        private void plain(boolean known) {
            if (known) {
                echo = false;
                write("OK\r\n");
            } else {
                write("Command not recognized.\r\n");
            }
        }

        private void block(List<String> lines, String id) {
            List<String> all = new ArrayList<>();
            if (okFirst) {
                all.add("OK");
            }
            all.addAll(lines);
            if (id != null && tagAnswers) {
                all.add("** resultId: \"" + id + "\"");
            }
            all.add("** end");
            if (!okFirst) {
                all.add("OK");
            }
            push(all.toArray(String[]::new));
        }

        private void login(String line) {
            if (!awaitingPassword) {
                if (line.isBlank()) {
                    write("login: ");
                    return;
                }
                if (echo) {
                    write(line + "\r\n");
                }
                awaitingPassword = true;
                lastUser = line;
                write("Password: ");
                return;
            }
            awaitingPassword = false;
            write("\r\n");
            if (lastUser.equals(user) && line.equals(password)) {
                loggedIn = true;
                write("Welcome to the scripted codec\r\n*r Login successful\r\n\r\nOK\r\n");
            } else {
                write("Login incorrect\r\n\r\nlogin: ");
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropClient();
    }
}
