package org.roomctl.bench;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code ./roomctl bench [roundtrip] [wire] [recorder] [footprint] [panel] [fleet]}: runs the benchmarks (all when none is
 * named) and prints each figure beside its baseline, with the machine's description. Results
 * and how to reproduce them: BENCHMARKS.md.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "roomctl-bench-logback.xml");
        }
        List<String> which = args.length == 0
                ? List.of("roundtrip", "wire", "recorder", "footprint", "panel", "fleet")
                : List.of(args);
        int commands = Integer.getInteger("commands", 2000);
        PrintStream out = System.out;
        out.println("roomctl benchmarks");
        out.println(Machine.describe());
        try (Brokers brokers = Brokers.start()) {
            for (Brokers.Broker b : brokers.brokers) {
                if (which.contains("roundtrip")) {
                    CommandRoundTrip.run(b.name(), b.uri(), commands, false, out);
                }
                if (which.contains("wire")) {
                    CommandRoundTrip.run(b.name(), b.uri(), commands, true, out);
                }
            }
            if (which.contains("recorder")) {
                try (RecorderThroughput.BenchDatabase db = new RecorderThroughput.BenchDatabase()) {
                    for (Brokers.Broker b : brokers.brokers) {
                        RecorderThroughput.run(b, db, out);
                    }
                }
            }
            if (which.contains("footprint")) {
                AgentFootprint.run(brokers.brokers.get(0), out);
            }
            if (which.contains("panel")) {
                PanelFeedback.run(Integer.getInteger("taps", 400), Integer.getInteger("calls", 300), out);
            }
            if (which.contains("fleet")) {
                FleetScale.run(FleetScale.Options.fromSystemProperties(), out);
            }
        }
        System.exit(0);
    }
}
