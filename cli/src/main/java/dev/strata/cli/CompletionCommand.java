package dev.strata.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for strata: bash (the default), zsh or fish.",
            "The script completes commands, subcommands and options from the command tree itself."},
        footer = {"", "Examples:", "  source <(strata completion)              # bash", "  source <(strata completion zsh)          # zsh",
            "  strata completion fish > ~/.config/fish/completions/strata.fish"})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SHELL", defaultValue = "bash", description = "bash, zsh or fish (default: ${DEFAULT-VALUE}).")
    String shell;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        String script = switch (shell) {
            case "bash" -> AutoComplete.bash("strata", root);
            // picocli's script is written for bash's complete/compgen; zsh runs it through bashcompinit.
            case "zsh" -> "#compdef strata\nautoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n"
                    + AutoComplete.bash("strata", root);
            case "fish" -> fish(root.getCommandSpec());
            default -> throw new UserException("completion " + shell + ": not a shell Strata completes; use bash, zsh or fish");
        };
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return Strata.OK;
    }

    /** fish: one {@code complete} line per subcommand and option, each guarded by the command it belongs to. */
    static String fish(CommandSpec root) {
        StringBuilder b = new StringBuilder("# fish completion for strata (strata completion fish)\ncomplete -c strata -f\n");
        fish(b, root, List.of());
        return b.toString();
    }

    private static void fish(StringBuilder b, CommandSpec command, List<String> path) {
        String here = path.isEmpty() ? "__fish_use_subcommand"
                : "__fish_seen_subcommand_from " + path.getLast();
        for (var e : command.subcommands().entrySet()) {
            if (e.getValue().getCommandSpec().usageMessage().hidden()) {
                continue;
            }
            String desc = e.getValue().getCommandSpec().usageMessage().description().length == 0 ? ""
                    : e.getValue().getCommandSpec().usageMessage().description()[0];
            b.append("complete -c strata -n '").append(here).append("' -a ").append(e.getKey())
                    .append(" -d '").append(quote(firstSentence(desc))).append("'\n");
            List<String> next = new ArrayList<>(path);
            next.add(e.getKey());
            fish(b, e.getValue().getCommandSpec(), next);
        }
        if (path.isEmpty()) {
            return;
        }
        for (OptionSpec o : command.options()) {
            if (o.hidden()) {
                continue;
            }
            b.append("complete -c strata -n '").append(here).append("'");
            for (String name : o.names()) {
                b.append(name.startsWith("--") ? " -l " + name.substring(2) : " -s " + name.substring(1));
            }
            if (o.arity().max() > 0) {
                b.append(" -r");
                if (o.completionCandidates() != null) {
                    List<String> values = new ArrayList<>();
                    o.completionCandidates().forEach(values::add);
                    b.append(" -a '").append(quote(String.join(" ", values))).append("'");
                } else if (o.paramLabel().matches("FILE|DIR|TAR|PATH")) {
                    b.append(" -F");
                }
            }
            String desc = o.description().length == 0 ? "" : o.description()[0];
            b.append(" -d '").append(quote(firstSentence(desc))).append("'\n");
        }
    }

    private static String firstSentence(String s) {
        int dot = s.indexOf(". ");
        return (dot > 0 ? s.substring(0, dot + 1) : s).replace("${DEFAULT-VALUE}", "").replace("${COMPLETION-CANDIDATES}", "");
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'");
    }
}
