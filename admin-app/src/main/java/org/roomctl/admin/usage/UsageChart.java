package org.roomctl.admin.usage;

import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Usage drawn as inline SVG on the server: no chart library, no script, nothing from a CDN.
 * Colours come from the console's stylesheet (classes), so they follow its theme; each bar has
 * a title, so pointing at it tells the number.
 */
public final class UsageChart {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final int WIDTH = 960;

    private UsageChart() {}

    /** Calls per day: a bar per day, calls that connected below, failed attempts stacked above. */
    public static String perDay(Usage u) {
        int height = 220;
        int left = 44;
        int bottom = 28;
        int top = 12;
        int plotH = height - bottom - top;
        int n = Math.max(1, u.days().size());
        double slot = (double) (WIDTH - left - 8) / n;
        int max = Math.max(
                1,
                u.days().stream()
                        .mapToInt(d -> d.connected() + d.failed())
                        .max()
                        .orElse(1));
        int step = niceStep(max);
        int axisMax = ((max + step - 1) / step) * step;
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-labelledby=\"per-day-title\">")
                .append("<title id=\"per-day-title\">Calls per day, ")
                .append(u.from())
                .append(" to ")
                .append(u.to())
                .append(": ")
                .append(u.totalCalls())
                .append(" connected, ")
                .append(u.totalFailed())
                .append(" failed</title>");
        for (int v = 0; v <= axisMax; v += step) {
            double y = top + plotH - (double) v * plotH / axisMax;
            s.append("<line class=\"grid\" x1=\"")
                    .append(left)
                    .append("\" x2=\"")
                    .append(WIDTH - 8)
                    .append("\" y1=\"")
                    .append(fmt(y))
                    .append("\" y2=\"")
                    .append(fmt(y))
                    .append("\"/>");
            s.append("<text class=\"axis\" x=\"")
                    .append(left - 6)
                    .append("\" y=\"")
                    .append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">")
                    .append(v)
                    .append("</text>");
        }
        for (int i = 0; i < u.days().size(); i++) {
            Usage.Day d = u.days().get(i);
            double x = left + i * slot + slot * 0.15;
            double w = Math.max(1, slot * 0.7);
            double hOk = (double) d.connected() * plotH / axisMax;
            double hBad = (double) d.failed() * plotH / axisMax;
            double base = top + plotH;
            String title = "<title>" + d.day() + ": " + d.connected() + " connected, " + d.failed() + " failed</title>";
            s.append("<g class=\"day\" data-day=\"").append(d.day()).append("\">");
            s.append(rect("bar ok", x, base - hOk, w, hOk, title));
            if (d.failed() > 0) {
                s.append(rect("bar failed", x, base - hOk - hBad, w, hBad, title));
            }
            s.append("</g>");
            if (d.day().getDayOfWeek() == DayOfWeek.MONDAY || i == 0) {
                s.append("<text class=\"axis\" x=\"")
                        .append(fmt(x + w / 2))
                        .append("\" y=\"")
                        .append(height - 8)
                        .append("\" text-anchor=\"middle\">")
                        .append(DAY.format(d.day()))
                        .append("</text>");
            }
        }
        return s.append("</svg>").toString();
    }

    /** Calls per room: a horizontal bar per room, most calls first. */
    public static String perRoom(List<Usage.RoomCalls> rooms) {
        int row = 22;
        int left = 200;
        int height = Math.max(1, rooms.size()) * row + 8;
        int max = Math.max(
                1, rooms.stream().mapToInt(Usage.RoomCalls::calls).max().orElse(1));
        double plotW = WIDTH - left - 60;
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-labelledby=\"per-room-title\">")
                .append("<title id=\"per-room-title\">Calls per room</title>");
        for (int i = 0; i < rooms.size(); i++) {
            Usage.RoomCalls r = rooms.get(i);
            double y = 4 + i * row;
            double w = Math.max(1, r.calls() * plotW / max);
            s.append("<g class=\"room\" data-room=\"").append(escape(r.room())).append("\">");
            s.append("<text class=\"label\" x=\"")
                    .append(left - 8)
                    .append("\" y=\"")
                    .append(fmt(y + 15))
                    .append("\" text-anchor=\"end\">")
                    .append(escape(r.name()))
                    .append("</text>");
            s.append(rect(
                    "bar ok",
                    left,
                    y + 3,
                    w,
                    row - 6,
                    "<title>" + escape(r.name()) + ": " + r.calls() + " calls, " + r.minutes() + " min</title>"));
            s.append("<text class=\"value\" x=\"")
                    .append(fmt(left + w + 6))
                    .append("\" y=\"")
                    .append(fmt(y + 15))
                    .append("\">")
                    .append(r.calls())
                    .append("</text></g>");
        }
        return s.append("</svg>").toString();
    }

    private static String rect(String cls, double x, double y, double w, double h, String title) {
        return "<rect class=\"" + cls + "\" x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" width=\"" + fmt(w)
                + "\" height=\"" + fmt(h) + "\">" + title + "</rect>";
    }

    static int niceStep(int max) {
        for (int step : new int[] {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000}) {
            if (max / step <= 5) {
                return step;
            }
        }
        return (max / 5 / 10_000 + 1) * 10_000;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
