package org.roomctl.fleet.panels;

/**
 * What an enrolled panel keeps (in a cookie) and shows on every request: {@code <id>.<secret>}.
 * Only a hash of the secret is stored, so the database cannot be used to impersonate a panel.
 *
 * @param panel the panel
 * @param token the cookie value
 */
public record PanelCredential(Panel panel, String token) {}
