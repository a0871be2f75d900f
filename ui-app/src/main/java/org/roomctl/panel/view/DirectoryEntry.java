package org.roomctl.panel.view;

/**
 * Another room in the directory.
 *
 * @param id the room id
 * @param name its name
 * @param site its site
 * @param availability free, busy, offline or unavailable (disabled, or cannot take calls), for styling
 * @param label the availability in words: "Free", "In a call", "Offline", "Not available"
 * @param callable whether a call to it can be tried now
 */
public record DirectoryEntry(
        String id, String name, String site, String availability, String label, boolean callable) {}
