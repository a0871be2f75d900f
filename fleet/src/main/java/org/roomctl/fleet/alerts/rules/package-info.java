/**
 * The rules that raise alerts by themselves, on every app instance: {@code device_offline},
 * {@code agent_offline} (both resolved by {@code system} when the condition clears) and {@code
 * connection_failed}. See {@link org.roomctl.fleet.alerts.rules.AlertRules}; the delays come from
 * {@link org.roomctl.fleet.alerts.rules.AlertRuleSettings} ({@code
 * ROOMCTL_ALERT_DEVICE_OFFLINE_AFTER}, default 2 minutes; {@code ROOMCTL_ALERT_AGENT_OFFLINE_AFTER},
 * default 30 seconds).
 */
package org.roomctl.fleet.alerts.rules;
