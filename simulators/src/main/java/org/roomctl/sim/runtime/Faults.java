package org.roomctl.sim.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A device's faults and settings: one or more records (the wire's, the device's own) seen as one
 * flat set of named values, so a test or the HTTP API can change {@code {"pacing": false,
 * "busySockets": 2}} without knowing which record holds what. Immutable.
 */
public final class Faults {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Record> sections;

    public Faults(Record... sections) {
        this(List.of(sections));
    }

    private Faults(List<Record> sections) {
        this.sections = List.copyOf(sections);
    }

    /** The record of that type. */
    public <T extends Record> T section(Class<T> type) {
        return sections.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no faults of type " + type.getSimpleName()));
    }

    /**
     * These faults with some values changed.
     *
     * @throws IllegalArgumentException for an unknown name or a value the record refuses
     */
    public Faults with(Map<String, ?> changes) {
        List<ObjectNode> nodes = new ArrayList<>();
        for (Record r : sections) {
            nodes.add(JSON.valueToTree(r));
        }
        for (Map.Entry<String, ?> change : changes.entrySet()) {
            ObjectNode owner = nodes.stream()
                    .filter(n -> n.has(change.getKey()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown fault '" + change.getKey() + "' (known: "
                            + String.join(", ", names(nodes)) + ")"));
            JsonNode value = JSON.valueToTree(change.getValue());
            if (value.getNodeType() != owner.get(change.getKey()).getNodeType()
                    && !(value.isNumber() && owner.get(change.getKey()).isNumber())) {
                throw new IllegalArgumentException("fault '" + change.getKey() + "' takes a "
                        + owner.get(change.getKey()).getNodeType().name().toLowerCase() + ", not " + value);
            }
            owner.set(change.getKey(), value);
        }
        List<Record> updated = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            try {
                updated.add(JSON.treeToValue(nodes.get(i), sections.get(i).getClass()));
            } catch (Exception e) {
                Throwable cause = e;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                throw new IllegalArgumentException(cause.getMessage(), e);
            }
        }
        return new Faults(updated);
    }

    /** Every value by name. */
    public Map<String, Object> asMap() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Record r : sections) {
            all.putAll(JSON.convertValue(r, new TypeReference<LinkedHashMap<String, Object>>() {}));
        }
        return all;
    }

    private static TreeSet<String> names(List<ObjectNode> nodes) {
        TreeSet<String> names = new TreeSet<>();
        for (ObjectNode n : nodes) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
        }
        return names;
    }
}
