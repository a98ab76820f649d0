package dev.strata.cli;

import dev.strata.yaml.AtomicWrite;
import dev.strata.spec.Profiles;
import dev.strata.spec.SpecLoader;
import dev.strata.spec.SpecSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write a commented platform.yaml for a profile, and the JSON Schema editors use to check it.",
            "Never overwrites an existing file unless --force is given."},
        footer = {"", "Example:", "  strata init --profile kind-lab --dir lab && strata plan -f lab/platform.yaml"})
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
            text = text.replaceFirst("(?m)^  name: " + java.util.regex.Pattern.quote(profile) + "$", "  name: " + name);
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
        spec.commandLine().getOut().printf("Wrote %s (profile %s) and %s.%nNext: strata plan -f %s%n", target, profile,
                dir.resolve(SpecSchema.FILE_NAME), target);
        return Strata.OK;
    }

    static final class ProfileNames extends java.util.ArrayList<String> {
        ProfileNames() {
            super(Profiles.names());
        }
    }
}
