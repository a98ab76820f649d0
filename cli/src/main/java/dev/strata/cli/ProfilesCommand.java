package dev.strata.cli;

import dev.strata.spec.Profiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "profiles", mixinStandardHelpOptions = true, description = "List the bundled profiles, one line each.",
        footer = {"", "Example:", "  strata profiles -o json"})
final class ProfilesCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Output output;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        if (output == Output.json) {
            List<Map<String, String>> list = new ArrayList<>();
            for (String name : Profiles.names()) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("name", name);
                m.put("summary", Profiles.summary(name));
                list.add(m);
            }
            out.println(Json.write(list));
        } else {
            for (String name : Profiles.names()) {
                out.printf("%-14s %s%n", name, Profiles.summary(name));
            }
        }
        return Strata.OK;
    }
}
