package org.roomctl.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on. */
final class Machine {
    private Machine() {}

    static String describe() {
        String cpu = firstLine("/proc/cpuinfo", "model name");
        String mem = firstLine("/proc/meminfo", "MemTotal");
        String os = firstLine("/etc/os-release", "PRETTY_NAME");
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.join(
                "\n",
                "machine:  " + Runtime.getRuntime().availableProcessors() + " cores, " + value(cpu),
                "memory:   " + value(mem),
                "os:       " + value(os).replace("\"", ""),
                "java:     " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                String.format("load:     %.2f (1-minute average when the run started; the machine is shared)", load));
    }

    private static String firstLine(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(l -> l.startsWith(key)).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String value(String line) {
        int i = line.indexOf(':') >= 0 ? line.indexOf(':') : line.indexOf('=');
        return i < 0 ? line : line.substring(i + 1).trim();
    }
}
