package org.roomctl.sim;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Resolves {@code ${NAME}} in room configs for the simulators: from the environment, and for an
 * unset {@code *_PASSWORD} variable the value {@value #DEMO_PASSWORD}, remembering which it
 * assumed so the runner can say so (the simulated device then asks for that password).
 */
public final class DemoSecrets implements Function<String, String> {
    public static final String DEMO_PASSWORD = "demo";

    private final Function<String, String> environment;
    private final Set<String> assumed = new TreeSet<>();

    /** @param environment the real lookup, null for unset */
    public DemoSecrets(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public synchronized String apply(String name) {
        String value = environment.apply(name);
        if (value == null && name.endsWith("_PASSWORD")) {
            assumed.add(name);
            return DEMO_PASSWORD;
        }
        return value;
    }

    /** The password variables that were unset and given the demo value, sorted. */
    public synchronized SortedSet<String> assumed() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(assumed));
    }
}
