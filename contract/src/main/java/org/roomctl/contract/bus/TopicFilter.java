package org.roomctl.contract.bus;

/** MQTT topic filter matching, for brokers that do not send subscription identifiers. */
public final class TopicFilter {
    private TopicFilter() {}

    /** The filter a broker matches: a shared subscription {@code $share/group/f} matches like {@code f}. */
    public static String effective(String filter) {
        if (filter.startsWith("$share/")) {
            int slash = filter.indexOf('/', "$share/".length());
            return slash < 0 ? filter : filter.substring(slash + 1);
        }
        return filter;
    }

    public static boolean matches(String filter, String topic) {
        String f = effective(filter);
        if (topic.startsWith("$") && !f.startsWith("$")) {
            return false;
        }
        String[] fl = f.split("/", -1);
        String[] tl = topic.split("/", -1);
        for (int i = 0; i < fl.length; i++) {
            if (fl[i].equals("#")) {
                return true;
            }
            if (i >= tl.length) {
                return false;
            }
            if (!fl[i].equals("+") && !fl[i].equals(tl[i])) {
                return false;
            }
        }
        return fl.length == tl.length;
    }
}
