package org.roomctl.contract.config;

import java.nio.file.Path;

/**
 * A room config that cannot be used. The message names the file, the line, the field and what is
 * wrong, for example {@code room-configs/sydney-harbour.yaml:14: devices[1].transport: unknown
 * transport 'seria'}.
 */
public class ConfigException extends Exception {
    private final Path file;
    private final int line;
    private final String field;
    private final String problem;

    public ConfigException(Path file, int line, String field, String problem) {
        super(format(file, line, field, problem));
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    private static String format(Path file, int line, String field, String problem) {
        StringBuilder sb = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(problem).toString();
    }

    public Path file() {
        return file;
    }

    /** 1-based line of the offending value, or 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }

    /** Path of the field, for example {@code devices[1].transport}; empty for the whole file. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
