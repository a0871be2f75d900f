package org.roomctl.fleet.panels;

import java.time.Instant;

/**
 * A pairing code just issued: shown once to whoever sets up the panel, kept only as a hash.
 *
 * @param code the code, for example {@code K7QX-2M9P}
 * @param room the room the panel will control
 * @param expiresAt when it stops working
 */
public record PairingCode(String code, String room, Instant expiresAt) {}
