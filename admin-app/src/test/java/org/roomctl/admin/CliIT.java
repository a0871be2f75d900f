package org.roomctl.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roomctl.admin.auth.ApiTokens;
import org.roomctl.admin.auth.Passwords;
import org.roomctl.admin.auth.Role;
import org.roomctl.admin.auth.Users;
import org.roomctl.embedded.TestDatabases;
import org.roomctl.schema.Database;

/** The subcommands, in process and from the runnable jar, on a real database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliIT {
    private String url;
    private Database database;
    private Users users;

    @BeforeAll
    void start() {
        url = TestDatabases.fresh();
        database = Database.open(url, null, null, "cli-test", 2);
        users = new Users(database, new Passwords(), Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        database.close();
    }

    private record Run(int status, String out, String err) {}

    private Run run(String password, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("ROOMCTL_DATABASE_URL", url);
        AdminCli cli = new AdminCli(
                env::get,
                prompt -> password.toCharArray(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int status = cli.run(List.of(args));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private boolean signsIn(String name, String password) {
        return users.login(name, password.toCharArray()) instanceof Users.Login.Ok;
    }

    @Test
    void usersAreAddedWithARoleAndGetNewPasswords() {
        Run add = run("alice's first password", "user", "add", "alice", "--role", "operator");
        assertThat(add.status()).as(add.err()).isZero();
        assertThat(add.out()).contains("user alice added as operator");
        assertThat(users.find("alice").orElseThrow().role()).isEqualTo(Role.OPERATOR);
        assertThat(signsIn("alice", "alice's first password")).isTrue();

        Run passwd = run("alice's second password", "user", "passwd", "alice");
        assertThat(passwd.status()).as(passwd.err()).isZero();
        assertThat(signsIn("alice", "alice's first password")).isFalse();
        assertThat(signsIn("alice", "alice's second password")).isTrue();

        Run again = run("another long password", "user", "add", "alice", "--role", "viewer");
        assertThat(again.status()).isEqualTo(AdminCli.FAILED);
        assertThat(again.err()).contains("there is already a user 'alice'");
    }

    @Test
    void mistakesAreExplained() {
        Run role = run("long enough password", "user", "add", "bob", "--role", "king");
        assertThat(role.status()).isEqualTo(AdminCli.USAGE);
        assertThat(role.err()).contains("role 'king' is not one of viewer, operator, admin");
        Run noRole = run("long enough password", "user", "add", "bob");
        assertThat(noRole.status()).isEqualTo(AdminCli.USAGE);
        assertThat(noRole.err()).contains("needs --role");
        Run weak = run("short", "user", "add", "bob", "--role", "viewer");
        assertThat(weak.status()).isEqualTo(AdminCli.USAGE);
        assertThat(weak.err()).contains("at least 12 characters");
        assertThat(users.find("bob")).isEmpty();
        Run nobody = run("long enough password", "user", "passwd", "nobody");
        assertThat(nobody.status()).isEqualTo(AdminCli.FAILED);
        assertThat(nobody.err()).contains("there is no user 'nobody'");
        Run unknown = run("x", "group", "add", "x");
        assertThat(unknown.status()).isEqualTo(AdminCli.USAGE);
        assertThat(unknown.err()).contains("unknown command", "user add NAME --role");
    }

    @Test
    void aTokenIsPrintedOnceAndWorks() {
        Run token = run("", "token", "add", "ci pipeline", "--role", "viewer");
        assertThat(token.status()).as(token.err()).isZero();
        String secret = token.out().trim();
        assertThat(secret).startsWith("rct.");
        assertThat(token.err()).contains("only time it is shown");
        var who =
                new ApiTokens(database, Clock.systemUTC()).authenticate(secret).orElseThrow();
        assertThat(who.role()).isEqualTo(Role.VIEWER);
        assertThat(who.actor()).isEqualTo("token:ci pipeline");
    }

    // ---- the runnable jar ----

    private Process jar(Map<String, String> env, String stdin, String... args) throws Exception {
        Path jar = Path.of("target", "roomctl-admin-app.jar");
        assertThat(jar).exists();
        assertThat(Path.of("target", "lib")).isDirectory();
        List<String> command = new java.util.ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("ROOMCTL_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p;
    }

    private static String output(Process p) throws Exception {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void theJarListsEverySettingAndStopsOnABadOne() throws Exception {
        Process help = jar(Map.of(), "", "--help");
        String text = output(help);
        assertThat(help.exitValue()).isZero();
        for (String v : List.of(
                "ROOMCTL_DATABASE_URL",
                "ROOMCTL_MQTT_URL",
                "ROOMCTL_ADMIN_HOST",
                "ROOMCTL_ADMIN_PORT",
                "ROOMCTL_ADMIN_BOOTSTRAP_USER",
                "ROOMCTL_ADMIN_BOOTSTRAP_PASSWORD",
                "ROOMCTL_ADMIN_SESSION_IDLE_MINUTES",
                "ROOMCTL_ADMIN_TIME_ZONE",
                "user add NAME --role",
                "token add NAME --role")) {
            assertThat(text).contains(v);
        }
        Map<String, String> env = new HashMap<>(Map.of("ROOMCTL_DATABASE_URL", url, "ROOMCTL_ADMIN_PORT", "eighty"));
        Process bad = jar(env, "");
        assertThat(bad.exitValue()).isEqualTo(2);
        assertThat(output(bad)).contains("ROOMCTL_ADMIN_PORT 'eighty' must be a port number");
        Process noDb = jar(Map.of(), "");
        assertThat(noDb.exitValue()).isEqualTo(2);
        assertThat(output(noDb)).contains("ROOMCTL_DATABASE_URL is not set");
    }

    @Test
    void theJarReadsThePasswordFromStandardInput() throws Exception {
        Process add = jar(
                Map.of("ROOMCTL_DATABASE_URL", url),
                "dora's long password\n",
                "user",
                "add",
                "dora",
                "--role",
                "admin");
        String text = output(add);
        assertThat(add.exitValue()).as(text).isZero();
        assertThat(signsIn("dora", "dora's long password")).isTrue();
        assertThat(Files.exists(Path.of("target", "roomctl-admin-app.jar"))).isTrue();
    }
}
