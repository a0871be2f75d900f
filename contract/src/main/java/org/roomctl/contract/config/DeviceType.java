package org.roomctl.contract.config;

import java.util.List;
import java.util.Set;

/**
 * A device model family described as data: what it is, how it can be reached, what it can do
 * and which config options it takes.
 *
 * @param name the config name, for example {@code sony-visca}
 * @param role what it does in the room
 * @param protocol a human description of the wire protocol
 * @param transports the transports that can carry the protocol
 * @param defaultBaud the line speed when a serial transport names none
 * @param defaultTcpPort the port when a {@code tcp://} URI names none (0: no network form)
 * @param capabilities what the device can do, announced in the room's info
 * @param options the config fields this type takes beyond id, type and transport
 */
public record DeviceType(
        String name,
        DeviceRole role,
        String protocol,
        Set<TransportKind> transports,
        int defaultBaud,
        int defaultTcpPort,
        List<String> capabilities,
        Set<String> options) {

    public DeviceType {
        transports = Set.copyOf(transports);
        capabilities = List.copyOf(capabilities);
        options = Set.copyOf(options);
    }
}
