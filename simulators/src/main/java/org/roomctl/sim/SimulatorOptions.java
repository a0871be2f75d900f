package org.roomctl.sim;

/**
 * How simulators are started, beyond what the room configs say.
 *
 * @param anyFreePort listen on ports the system chooses instead of the configured ones (tests, or
 *     a machine where the configured ports are taken); {@link Simulators#state()} shows the real ones
 * @param bridgeSettingsPortOffset a serial bridge's iTach-style settings port is its raw port plus
 *     this (a real iTach uses 4998 beside 4999, but bridges on consecutive ports, as in our
 *     configs, would collide); negative for no settings port
 */
public record SimulatorOptions(boolean anyFreePort, int bridgeSettingsPortOffset) {
    public static final int DEFAULT_BRIDGE_SETTINGS_PORT_OFFSET = 1000;

    /** The configured ports. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions(false, DEFAULT_BRIDGE_SETTINGS_PORT_OFFSET);
    }

    /** Ports the system chooses, so tests never collide. */
    public static SimulatorOptions anyFreePorts() {
        return new SimulatorOptions(true, DEFAULT_BRIDGE_SETTINGS_PORT_OFFSET);
    }

    int port(int configured) {
        return anyFreePort ? 0 : configured;
    }

    int settingsPort(int bridgePort) {
        if (bridgeSettingsPortOffset < 0) {
            return -1;
        }
        return anyFreePort ? 0 : bridgePort + bridgeSettingsPortOffset;
    }
}
