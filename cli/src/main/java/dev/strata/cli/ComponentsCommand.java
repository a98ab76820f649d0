package dev.strata.cli;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Component;
import dev.strata.catalog.Release;
import dev.strata.catalog.Tool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "components", mixinStandardHelpOptions = true,
        description = "List the catalog: every component a spec can enable, with its pinned versions.",
        footer = {"", "Example:", "  strata components -o json"})
final class ComponentsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Output output;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        List<Component> all = Catalog.bundled().all();
        if (output == Output.json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Component c : all) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id());
                m.put("layer", c.layer().id());
                m.put("namespace", c.namespace());
                m.put("modes", c.modes());
                m.put("versions", versions(c));
                m.put("description", c.description());
                list.add(m);
            }
            out.println(Json.write(list));
        } else {
            for (Component c : all) {
                out.printf("%-24s %-14s %-18s %s%n", c.id(), c.layer().id(), String.join(", ", versions(c)),
                        c.modes().isEmpty() ? "" : "modes: " + String.join(", ", c.modes()));
            }
        }
        return Strata.OK;
    }

    private static List<String> versions(Component c) {
        List<String> v = new ArrayList<>(c.releases().stream().map(Release::source).map(s -> s.version()).distinct().toList());
        c.tools().stream().map(Tool::version).forEach(x -> {
            if (!v.contains(x)) {
                v.add(x);
            }
        });
        return v;
    }
}
