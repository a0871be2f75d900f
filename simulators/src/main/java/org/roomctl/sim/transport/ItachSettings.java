package org.roomctl.sim.transport;

import java.util.List;
import java.util.Set;
import org.roomctl.contract.config.SerialLine;

/**
 * The settings protocol of a Global Caché iTach IP2SL (TCP port 4998 on a real one): one text
 * command per CR-terminated line, one reply line. Pure: knows the bridge's serial settings and
 * nothing about sockets.
 *
 * <pre>
 * get_SERIAL,1:1                          -> SERIAL,1:1,9600,FLOW_NONE,PARITY_NO
 * set_SERIAL,1:1,19200,FLOW_NONE,PARITY_NO -> SERIAL,1:1,19200,FLOW_NONE,PARITY_NO
 * getdevices                              -> device,0,0 ETHERNET / device,1,1 SERIAL / endlistdevices
 * </pre>
 *
 * Errors: {@code ERR_01} unknown command, {@code ERR_02} no such module, {@code ERR_03} no such
 * connector, {@code ERR_04} a setting the bridge does not support.
 */
public final class ItachSettings {
    static final Set<Integer> BAUDS = Set.of(1200, 2400, 4800, 9600, 14400, 19200, 38400, 57600, 115200);
    private static final Set<String> FLOWS = Set.of("FLOW_NONE", "FLOW_HARDWARE");

    /** The bridge's serial settings. */
    public record Settings(int baud, String flow, SerialLine.Parity parity) {
        /** The serial line the bridge sends and receives with. */
        public SerialLine line() {
            return new SerialLine(baud, 8, parity, 10);
        }

        String parityWord() {
            return switch (parity) {
                case ODD -> "PARITY_ODD";
                case EVEN -> "PARITY_EVEN";
                default -> "PARITY_NO";
            };
        }
    }

    private volatile Settings settings;

    public ItachSettings(SerialLine initial) {
        this.settings = new Settings(initial.baud(), "FLOW_NONE", initial.parity());
    }

    public Settings settings() {
        return settings;
    }

    /** The reply lines (without their CR) to one command line. */
    public List<String> handle(String line) {
        String[] parts = line.strip().split(",");
        String command = parts[0];
        if (command.equals("getdevices")) {
            return List.of("device,0,0 ETHERNET", "device,1,1 SERIAL", "endlistdevices");
        }
        if (command.equals("getversion")) {
            return List.of("710-1005-05");
        }
        if (!command.equals("get_SERIAL") && !command.equals("set_SERIAL")) {
            return List.of("ERR_01");
        }
        if (parts.length < 2) {
            return List.of("ERR_02");
        }
        String[] address = parts[1].split(":");
        if (!address[0].equals("1")) {
            return List.of("ERR_02");
        }
        if (address.length != 2 || !address[1].equals("1")) {
            return List.of("ERR_03");
        }
        if (command.equals("set_SERIAL")) {
            Settings updated = parse(parts, settings);
            if (updated == null) {
                return List.of("ERR_04");
            }
            settings = updated;
        }
        Settings s = settings;
        return List.of("SERIAL,1:1," + s.baud() + "," + s.flow() + "," + s.parityWord());
    }

    private static Settings parse(String[] parts, Settings current) {
        int baud = current.baud();
        String flow = current.flow();
        SerialLine.Parity parity = current.parity();
        for (int i = 2; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.matches("\\d+")) {
                baud = Integer.parseInt(p);
                if (!BAUDS.contains(baud)) {
                    return null;
                }
            } else if (FLOWS.contains(p)) {
                flow = p;
            } else if (p.equals("PARITY_NO")) {
                parity = SerialLine.Parity.NONE;
            } else if (p.equals("PARITY_ODD")) {
                parity = SerialLine.Parity.ODD;
            } else if (p.equals("PARITY_EVEN")) {
                parity = SerialLine.Parity.EVEN;
            } else {
                return null;
            }
        }
        return new Settings(baud, flow, parity);
    }
}
