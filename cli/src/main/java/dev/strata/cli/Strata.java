package dev.strata.cli;

import dev.strata.plan.PlanException;
import dev.strata.spec.SpecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;

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
            "Start with: strata init --profile kind-lab && strata plan"},
        subcommands = {
            InitCommand.class,
            ProfilesCommand.class,
            ComponentsCommand.class,
            SchemaCommand.class,
            PlanCommand.class,
            RenderCommand.class,
            CheckCommand.class,
            DoctorCommand.class,
            UpCommand.class,
            StatusCommand.class,
            VerifyCommand.class,
            DiffCommand.class,
            DownCommand.class,
            CompletionCommand.class,
            WarmupCommand.class,
            CommandLine.HelpCommand.class})
public final class Strata implements Runnable {

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
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Strata());
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

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof SpecException s) {
            s.problems().forEach(p -> err.println(p));
            err.println(s.problems().size() == 1 ? "1 problem; nothing was changed." : s.problems().size() + " problems; nothing was changed.");
            return BAD_INPUT;
        }
        if (e instanceof PlanException p) {
            p.problems().forEach(err::println);
            return BAD_INPUT;
        }
        if (e instanceof UserException u) {
            err.println("strata: " + u.getMessage());
            return BAD_INPUT;
        }
        err.println("strata: internal error: " + e + (System.getenv("STRATA_DEBUG") == null ? " (set STRATA_DEBUG=1 for the stack trace)" : ""));
        if (System.getenv("STRATA_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return INTERNAL;
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
