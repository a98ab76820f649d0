package dev.strata.check.bench;

import dev.strata.check.CheckEngine;
import dev.strata.check.CheckException;
import dev.strata.check.CheckReport;
import dev.strata.check.ExitCodes;
import dev.strata.check.format.Formatters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal entry point for benchmarks before the CLI exists:
 * {@code java -cp ... dev.strata.check.bench.CheckMain [-o text|json|sarif|junit] [--quiet] PATH...}.
 * Prints the report (or only the summary line with --quiet) and the wall time on stderr.
 */
public final class CheckMain {

    private CheckMain() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        String format = "text";
        boolean quiet = false;
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-o" -> format = args[++i];
                case "--quiet" -> quiet = true;
                default -> paths.add(Path.of(args[i]));
            }
        }
        try {
            CheckEngine engine = CheckEngine.builder().build();
            CheckReport report = engine.check(paths);
            String out = Formatters.named(format, false, engine.registry().infos()).format(report);
            if (quiet) {
                String[] lines = out.split("\n");
                System.out.println(lines[lines.length - 1]);
            } else {
                System.out.print(out);
            }
            System.err.printf("wall %.3f s (in-process)%n", (System.nanoTime() - start) / 1e9);
            System.exit(ExitCodes.of(report));
        } catch (CheckException e) {
            System.err.println("strata check: " + e.getMessage());
            System.exit(ExitCodes.UNREADABLE);
        }
    }
}
