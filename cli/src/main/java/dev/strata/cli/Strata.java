package dev.strata.cli;

import dev.strata.cluster.ClusterException;
import dev.strata.plan.PlanException;
import dev.strata.render.RenderException;
import dev.strata.spec.SpecException;
import dev.strata.spec.SpecLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The {@code strata} command. Only wires: every subcommand calls an engine (spec, plan, check…)
 * and prints its result. Exit codes: 0 ok, 1 the checked thing is wrong (does not fit, has
 * errors), 2 bad input or usage, 3 an internal error (a bug: please report it).
 */
@Command(name = "strata",
        mixinStandardHelpOptions = true,
        versionProvider = Strata.Version.class,
        description = {
            "Compose a Kubernetes platform lab from one typed spec (platform.yaml), plan it, render it as",
            "a GitOps tree, check it offline, and stand it up.",
            ""},
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  ok",
            "  1  the checked thing is wrong: does not fit, has errors",
            "  2  bad input or usage: the spec or an option is invalid",
            "  3  internal error (a bug in Strata: please report it)",
            "",
            "Start with: strata init --profile kind-lab --dir ~/strata-lab && strata plan -f ~/strata-lab/platform.yaml"})
public final class Strata implements Runnable {

    /**
     * The subcommands by name, in the order help lists them. Building picocli's model of a command
     * reads its annotations reflectively, ~25 ms for the fifteen a run does not use: a run builds only
     * the one it invokes, unless it needs the whole tree (help, completion, no command, an unknown one).
     */
    static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("init", InitCommand.class);
        m.put("profiles", ProfilesCommand.class);
        m.put("components", ComponentsCommand.class);
        m.put("schema", SchemaCommand.class);
        m.put("plan", PlanCommand.class);
        m.put("render", RenderCommand.class);
        m.put("check", CheckCommand.class);
        m.put("charts", ChartsCommand.class);
        m.put("doctor", DoctorCommand.class);
        m.put("up", UpCommand.class);
        m.put("status", StatusCommand.class);
        m.put("verify", VerifyCommand.class);
        m.put("diff", DiffCommand.class);
        m.put("down", DownCommand.class);
        m.put("completion", CompletionCommand.class);
        m.put("internal-warmup", WarmupCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(m);
    }

    /** Commands that read the whole command tree. */
    private static final Set<String> WHOLE_TREE = Set.of("help", "completion");

    public static final int OK = 0;
    public static final int WRONG = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI with the given streams; the entry point tests use. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        try {
            return cli.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // picocli's handler sees Exceptions only: an Error must still end as an internal error (exit 3), said
            err.println("strata: internal error: " + e + " (the input is nested or sized beyond what Strata reads; please report it"
                    + " with the file that caused it)");
            err.flush();
            return INTERNAL;
        } finally {
            SpecFile.forget();
        }
    }

    /** The whole command tree. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /** The tree a run with these arguments needs: only the invoked subcommand when that is enough. */
    static CommandLine commandLine(String... arguments) {
        CommandLine cli = new CommandLine(new Strata());
        String first = arguments.length > 0 ? arguments[0] : "";
        if (COMMANDS.containsKey(first) && !WHOLE_TREE.contains(first)) {
            cli.addSubcommand(first, COMMANDS.get(first));
        } else if (arguments.length == 1 && (first.equals("--version") || first.equals("-V"))) {
            // the version alone needs no command
        } else {
            COMMANDS.forEach(cli::addSubcommand);
        }
        // descriptions are written as lines of up to ~110 characters: shown as written, not re-wrapped mid-sentence at 80
        cli.setUsageHelpWidth(120);
        cli.setExecutionExceptionHandler(Strata::handle);
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("strata: " + e.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, c.getErr())) {
                c.getErr().println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            }
            return BAD_INPUT;
        });
        cli.setExitCodeExceptionMapper(e -> BAD_INPUT);
        return cli;
    }

    /**
     * The one place where a failure becomes a message and an exit code: bad input (spec, plan, usage)
     * is 2, a render or lifecycle failure is 1 with its evidence, anything else is a bug (3). A
     * lifecycle command may add a hint after its failure (up: run it again to resume).
     */
    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        int code = exitCode(e, cl, err);
        if (cl.getCommand() instanceof LifecycleCommand c && e instanceof RuntimeException r) {
            c.hint(r).ifPresent(err::println);
        }
        err.flush();
        return code;
    }

    private static int exitCode(Exception e, CommandLine cl, PrintWriter err) {
        if (e instanceof SpecException s) {
            s.problems().forEach(p -> err.println(p));
            err.println(s.problems().size() == 1 ? "1 problem; nothing was changed." : s.problems().size() + " problems; nothing was changed.");
            return BAD_INPUT;
        }
        if (e instanceof PlanException p) {
            p.problems().forEach(problem -> err.println(located(problem)));
            err.println(p.problems().size() == 1 ? "1 problem; nothing was changed." : p.problems().size() + " problems; nothing was changed.");
            return BAD_INPUT;
        }
        if (e instanceof UserException u) {
            err.println("strata: " + u.getMessage());
            return BAD_INPUT;
        }
        if (e instanceof RenderException r) {
            r.problems().forEach(err::println);
            return WRONG;
        }
        if (e instanceof ClusterException c) {
            // a lifecycle command could not do its job: what failed and where, then the evidence, one line each
            err.println("strata " + cl.getCommandSpec().qualifiedName(" ").replaceFirst("^strata ", "") + ": " + c.getMessage());
            c.evidence().forEach(l -> err.println("  " + l));
            return WRONG;
        }
        err.println("strata: internal error: " + e + (System.getenv("STRATA_DEBUG") == null ? " (set STRATA_DEBUG=1 for the stack trace)" : ""));
        if (System.getenv("STRATA_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return INTERNAL;
    }

    /** {@code spec.components.alloy: needs tempo ...} as {@code platform.yaml:23: spec.components.alloy: needs tempo ...}. */
    static String located(String problem) {
        int colon = problem.indexOf(": ");
        if (!problem.startsWith("spec.") || colon < 0 || SpecFile.loaded().isEmpty()) {
            return problem;
        }
        Path file = SpecFile.loaded().get();
        try {
            int line = SpecLoader.lineOf(Files.readString(file), problem.substring(0, colon));
            return file + (line > 0 ? ":" + line : "") + ": " + problem;
        } catch (IOException | RuntimeException unreadable) {
            return file + ": " + problem;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Strata.class.getResourceAsStream("/dev/strata/cli/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"strata " + p.getProperty("version", "unknown"), "Java " + Runtime.version()};
        }
    }
}
