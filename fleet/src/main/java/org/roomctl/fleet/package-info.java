/**
 * The fleet: what the touch panel and the admin console share. The room catalog and each room's
 * last known status ({@code catalog}), connecting rooms ({@code connect}), the record of every
 * bus message ({@code record}) and the audit log ({@code audit}), kept in PostgreSQL and driven
 * from the bus. Several app instances may run these at once.
 */
package org.roomctl.fleet;
