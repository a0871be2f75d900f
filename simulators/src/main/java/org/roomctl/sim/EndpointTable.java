package org.roomctl.sim;

import java.util.ArrayList;
import java.util.List;
import org.roomctl.sim.runtime.DeviceSimulator;

/** The table the runner prints: where each room's devices listen. */
public final class EndpointTable {
    private EndpointTable() {}

    public static String format(Simulators simulators) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ROOM", "DEVICE", "TYPE", "LISTENS ON"});
        for (SimulatedRoom room : simulators.rooms()) {
            for (DeviceSimulator device : room.devices()) {
                rows.add(new String[] {
                    room.id(),
                    device.id(),
                    device.type().name(),
                    device.endpoint().describe()
                });
            }
        }
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                table.append(String.format("%-" + widths[i] + "s  ", row[i]));
            }
            table.append(row[3]).append(System.lineSeparator());
        }
        return table.toString();
    }
}
