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
        List<String> all = List.of("roundtrip", "wire", "recorder", "footprint", "panel", "fleet");
        List<String> which = args.length == 0 ? all : List.of(args);
        for (String name : which) {
            if (!all.contains(name)) {
                System.err.println(
                        "roomctl bench: no benchmark '" + name + "'; the benchmarks are " + String.join(", ", all));
                System.exit(2);
            }
        }
        int commands = Integer.getInteger("commands", 2000);
        PrintStream out = System.out;
        out.println("roomctl benchmarks");
        out.println(Machine.describe());
        int failed = 0;
        try (Brokers brokers = Brokers.start()) {
            for (Brokers.Broker b : brokers.brokers) {
                if (which.contains("roundtrip")) {
                    failed += attempt(
                            "1. command round trip, " + b.name(),
                            out,
                            () -> CommandRoundTrip.run(b.name(), b.uri(), commands, false, out));
                }
                if (which.contains("wire")) {
                    failed += attempt(
                            "2. command round trip at wire speed, " + b.name(),
                            out,
                            () -> CommandRoundTrip.run(b.name(), b.uri(), commands, true, out));
                }
            }
            if (which.contains("recorder")) {
                try (RecorderThroughput.BenchDatabase db = new RecorderThroughput.BenchDatabase()) {
                    for (Brokers.Broker b : brokers.brokers) {
                        failed += attempt("4. bus record, " + b.name(), out, () -> RecorderThroughput.run(b, db, out));
                    }
                }
            }
            if (which.contains("footprint") && !brokers.brokers.isEmpty()) {
                failed += attempt("6. agent footprint", out, () -> AgentFootprint.run(brokers.brokers.get(0), out));
            }
            if (which.contains("panel")) {
                failed += attempt(
                        "3. touch-panel feedback",
                        out,
                        () -> PanelFeedback.run(
                                Integer.getInteger("taps", 400), Integer.getInteger("calls", 300), out));
            }
            if (which.contains("fleet")) {
                failed += attempt(
                        "5. fleet scale", out, () -> FleetScale.run(FleetScale.Options.fromSystemProperties(), out));
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    private interface Bench {
        void run() throws Exception;
    }

    /** Runs one benchmark; one that fails says why and the others still run. */
    private static int attempt(String what, PrintStream out, Bench bench) {
        try {
            bench.run();
            return 0;
        } catch (Exception | Error e) {
            out.println();
            out.println(what + ": FAILED: " + e);
            e.printStackTrace(out);
            return 1;
        }
    }
}
