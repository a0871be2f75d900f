package org.roomctl.admin.connections;

import java.time.Instant;
import java.util.List;

/**
 * The connection history as CSV (RFC 4180), for spreadsheets. Cells that a spreadsheet would
 * take for a formula are prefixed with an apostrophe, so an exported room name cannot run one.
 */
public final class CsvExport {
    static final String HEADER =
            "id,caller,caller_name,caller_site,callee,callee_name,callee_site,requested_by,via,status,reason,"
                    + "requested_at,connected_at,ended_at,connected_seconds";

    private CsvExport() {}

    public static String csv(List<ConnectionRow> rows, Instant now) {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (ConnectionRow r : rows) {
            var connected = r.connectedFor(now);
            sb.append(r.id()).append(',');
            cells(
                    sb,
                    r.caller(),
                    r.callerName(),
                    r.callerSite(),
                    r.callee(),
                    r.calleeName(),
                    r.calleeSite(),
                    r.requestedBy(),
                    r.via(),
                    r.status(),
                    r.reason(),
                    str(r.requestedAt()),
                    str(r.connectedAt()),
                    str(r.endedAt()));
            sb.append(connected == null ? "" : Long.toString(connected.toSeconds()))
                    .append("\r\n");
        }
        return sb.toString();
    }

    private static void cells(StringBuilder sb, String... values) {
        for (String v : values) {
            sb.append(cell(v)).append(',');
        }
    }

    static String cell(String v) {
        if (v == null) {
            return "";
        }
        String s = v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static String str(Instant t) {
        return t == null ? null : t.toString();
    }
}
