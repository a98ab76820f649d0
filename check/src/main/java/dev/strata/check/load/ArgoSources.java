package dev.strata.check.load;

import dev.strata.check.graph.Resource;
import dev.strata.yaml.tree.YMap;
import java.util.ArrayList;
import java.util.List;

/** The sources of an Argo CD Application: {@code spec.source} and {@code spec.sources[]}. */
public final class ArgoSources {

    private ArgoSources() {
    }

    public static List<YMap> of(Resource app) {
        List<YMap> out = new ArrayList<>();
        app.spec().map("source").ifPresent(out::add);
        out.addAll(app.spec().maps("sources"));
        return out;
    }
}
