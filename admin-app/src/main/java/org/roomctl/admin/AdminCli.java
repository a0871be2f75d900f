package org.roomctl.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.roomctl.admin.auth.ApiToken;
import org.roomctl.admin.auth.ApiTokens;
import org.roomctl.admin.auth.Passwords;
import org.roomctl.admin.auth.Role;
import org.roomctl.admin.auth.Sessions;
import org.roomctl.admin.auth.User;
import org.roomctl.admin.auth.Users;
import org.roomctl.admin.http.Problem;
import org.roomctl.fleet.FleetOptions;
import org.roomctl.fleet.FleetSettings;
import org.roomctl.fleet.audit.AuditLog;
import org.roomctl.schema.Database;
import org.roomctl.schema.DatabaseUnavailableException;

/**
 * The console's subcommands, which work on the database alone: {@code user add NAME --role R},
 * {@code user passwd NAME}, {@code token add NAME --role R}. Passwords are read from the
 * terminal (twice, not echoed) or, without one, from the first line of standard input; never
 * from an argument, which other users of the machine could see.
 */
final class AdminCli {
    /** Exit status: done. */
    static final int OK = 0;
    /** Exit status: something refused or unavailable. */
    static final int FAILED = 1;
    /** Exit status: bad arguments or settings. */
    static final int USAGE = 2;

    /** Reads a password. */
    interface PasswordReader {
        char[] read(String prompt) throws IOException;
    }

    private final Function<String, String> env;
    private final PasswordReader passwords;
    private final PrintStream out;
    private final PrintStream err;

    AdminCli(Function<String, String> env, PasswordReader passwords, PrintStream out, PrintStream err) {
        this.env = env;
        this.passwords = passwords;
        this.out = out;
        this.err = err;
    }

    /** Reads from the terminal when there is one (twice, to catch typos), else a line of stdin. */
    static PasswordReader standard(BufferedReader stdin) {
        return prompt -> {
            java.io.Console console = System.console();
            if (console == null) {
                String line = stdin.readLine();
                return line == null ? new char[0] : line.toCharArray();
            }
            char[] first = console.readPassword("%s: ", prompt);
            char[] again = console.readPassword("%s again: ", prompt);
            if (first == null || !Arrays.equals(first, again)) {
                throw new IOException("the two passwords differ");
            }
            return first;
        };
    }

    static String usage() {
        StringBuilder sb = new StringBuilder();
        sb.append("usage: roomctl-admin                         run the admin console\n")
                .append("       roomctl-admin user add NAME --role admin|operator|viewer\n")
                .append("       roomctl-admin user passwd NAME\n")
                .append("       roomctl-admin token add NAME --role admin|operator|viewer\n")
                .append("\n")
                .append("Passwords are read from the terminal, or from the first line of standard input.\n")
                .append("'token add' prints the new API token once; keep it, it cannot be shown again.\n")
                .append("\nEnvironment:\n");
        for (FleetSettings.Variable v : FleetSettings.VARIABLES) {
            line(sb, v);
        }
        for (FleetSettings.Variable v : FleetOptions.variables()) {
            line(sb, v);
        }
        for (FleetSettings.Variable v : AdminSettings.VARIABLES) {
            line(sb, v);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, FleetSettings.Variable v) {
        sb.append(String.format(
                "  %-36s %s%s%n", v.name(), v.help(), v.dflt() == null ? "" : " (default: " + v.dflt() + ")"));
    }

    /** Runs a subcommand. @return the exit status */
    int run(List<String> args) {
        if (args.size() < 2) {
            return usageError("say what to do");
        }
        String what = args.get(0) + " " + args.get(1);
        if (!List.of("user add", "user passwd", "token add").contains(what)) {
            return usageError("unknown command '" + String.join(" ", args) + "'");
        }
        if (args.size() < 3) {
            return usageError("'" + what + "' needs a name");
        }
        String name = args.get(2);
        Role role = null;
        if (!what.equals("user passwd")) {
            int at = args.indexOf("--role");
            if (at < 0 || at + 1 >= args.size()) {
                return usageError("'" + what + "' needs --role " + Role.names().replace(", ", "|"));
            }
            try {
                role = Role.of(args.get(at + 1));
            } catch (IllegalArgumentException e) {
                return usageError(e.getMessage());
            }
            if (args.size() != 5) {
                return usageError("unexpected arguments in '" + String.join(" ", args) + "'");
            }
        } else if (args.size() != 3) {
            return usageError("unexpected arguments in '" + String.join(" ", args) + "'");
        }
        FleetSettings fleet;
        try {
            fleet = FleetSettings.fromEnv("admin", env);
        } catch (FleetSettings.SettingsException e) {
            err.println("roomctl-admin: " + e.getMessage());
            return USAGE;
        }
        Clock clock = Clock.systemUTC();
        try (Database db =
                Database.open(fleet.databaseUrl(), fleet.databaseUser(), fleet.databasePassword(), "admin-cli", 2)) {
            AuditLog audit = new AuditLog(db, clock);
            String actor = "cli:" + System.getProperty("user.name", "unknown");
            Users users = new Users(db, new Passwords(), clock);
            switch (what) {
                case "user add" -> {
                    char[] password = passwords.read("password for " + name);
                    User u = users.create(name, role, password, actor);
                    audit.record(actor, "user.create", u.name(), java.util.Map.of("role", role.wireName()));
                    out.println("user " + u.name() + " added as " + role.wireName());
                }
                case "user passwd" -> {
                    User u = users.find(name).orElseThrow(() -> Problem.notFound("there is no user '" + name + "'"));
                    char[] password = passwords.read("new password for " + name);
                    users.setPassword(u.id(), password);
                    int ended = new Sessions(
                                    db, clock, java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(1))
                            .revokeAll(u.id(), null);
                    audit.record(actor, "user.password", u.name(), java.util.Map.of("sessionsEnded", ended));
                    out.println("password of " + u.name() + " changed; " + ended + " session(s) ended");
                }
                default -> {
                    ApiToken.Issued issued = new ApiTokens(db, clock).issue(name, role, actor);
                    audit.record(actor, "token.issue", name, java.util.Map.of("role", role.wireName()));
                    out.println(issued.secret());
                    err.println("API token '" + name + "' (" + role.wireName()
                            + ") issued; this is the only time it is shown");
                }
            }
            return OK;
        } catch (Problem e) {
            err.println("roomctl-admin: " + e.getMessage());
            return e.status() == 400 ? USAGE : FAILED;
        } catch (DatabaseUnavailableException e) {
            err.println("roomctl-admin: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("roomctl-admin: cannot read the password: " + e.getMessage());
            return FAILED;
        }
    }

    private int usageError(String message) {
        err.println("roomctl-admin: " + message);
        err.print(usage());
        return USAGE;
    }
}
