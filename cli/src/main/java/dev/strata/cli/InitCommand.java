package dev.strata.cli;

import dev.strata.spec.Profiles;
import dev.strata.spec.SpecLoader;
import dev.strata.spec.SpecSchema;
import dev.strata.yaml.AtomicWrite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "init",
        header = "Write a commented platform.yaml for a profile into the directory where the lab will live.", mixinStandardHelpOptions = true,
        description = {"Write a commented platform.yaml for a profile, and the JSON Schema editors use to check it,",
            "into the directory where the lab will live (strata up renders and commits the tree there).",
            "Never overwrites an existing file unless --force is given; never writes into the Strata checkout.",
            "Inside another git repository, the spec's git.path is set to the directory's place in it."},
        footer = {"", "Example:", "  strata init --profile kind-lab --dir ~/strata-lab && strata up -f ~/strata-lab/platform.yaml"})
final class InitCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile", required = true, paramLabel = "NAME", completionCandidates = ProfileNames.class,
            description = "Profile to start from: ${COMPLETION-CANDIDATES}.")
    String profile;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".", description = "Directory to write into (default: the current one).")
    Path dir;

    @Option(names = "--name", paramLabel = "NAME", description = "Platform name (default: the profile's).")
    String name;

    @Option(names = "--force", description = "Overwrite an existing platform.yaml.")
    boolean force;

    @Override
    public Integer call() {
        String text = Profiles.text(profile).orElseThrow(() -> new UserException("\"" + profile + "\" is not a profile; known: "
                + String.join(", ", Profiles.names()) + " (strata profiles describes them)"));
        if (name != null) {
            text = text.replaceFirst("(?m)^  name: " + Pattern.quote(profile) + "$", "  name: " + name);
        }
        if (Checkout.contains(dir)) {
            throw new UserException(describe(dir) + " is in the Strata checkout (" + Checkout.root().orElseThrow()
                    + "), and strata up commits the lab's rendered tree where its platform.yaml is: give the lab a directory of its own, "
                    + "e.g. strata init --profile " + profile + " --dir " + Checkout.ELSEWHERE);
        }
        Optional<String> inRepository = placeInRepository(dir);
        if (inRepository.isPresent()) {
            text = withGitPath(text, inRepository.get());
        }
        Path target = dir.resolve("platform.yaml");
        if (Files.exists(target) && !force) {
            throw new UserException(target + " already exists; pass --force to overwrite it, or --dir to write elsewhere");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserException(dir + " is not a directory");
        }
        SpecLoader.bundled().parse(target.toString(), text); // what we write must load
        AtomicWrite.write(dir.resolve(SpecSchema.FILE_NAME), SpecSchema.text());
        AtomicWrite.write(target, text);
        var out = spec.commandLine().getOut();
        out.printf("Wrote %s (profile %s) and %s.%n", target, profile, dir.resolve(SpecSchema.FILE_NAME));
        inRepository.ifPresent(rel -> out.printf("It is in a git repository at %s: git.path is set to %s, where Argo CD will read the tree.%n",
                rel, rel));
        String f = dir.equals(Path.of(".")) ? "" : " -f " + target;
        out.printf("Next: strata plan%s   (what will run where), then strata up%s%n", f, f);
        return Strata.OK;
    }

    private static String describe(Path dir) {
        return dir.equals(Path.of(".")) ? "The current directory" : dir.toString();
    }

    /** The directory's path inside an enclosing git work tree, when it is in one and is not its root. */
    static Optional<String> placeInRepository(Path dir) {
        Path abs = Checkout.real(dir);
        for (Path p = abs; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p.equals(abs) ? Optional.empty() : Optional.of(p.relativize(abs).toString().replace('\\', '/'));
            }
        }
        return Optional.empty();
    }

    /** The profile's text with {@code spec.git.path} set (in its git block, or a new one before the cluster). */
    static String withGitPath(String text, String path) {
        String line = "    path: " + path + "            # this directory's place in its git repository (strata init)\n";
        if (text.contains("\n  git:\n")) {
            return text.replaceFirst("\n  git:\n", "\n  git:\n" + Matcher.quoteReplacement(line));
        }
        return text.replaceFirst("\n  cluster:\n", "\n  git:\n" + Matcher.quoteReplacement(line) + "  cluster:\n");
    }

    static final class ProfileNames extends ArrayList<String> {
        ProfileNames() {
            super(Profiles.names());
        }
    }
}
