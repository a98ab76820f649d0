package dev.strata.cluster.up.steps;

import dev.strata.cluster.up.Fingerprint;
import dev.strata.cluster.up.Manifests;
import dev.strata.cluster.up.Step;
import dev.strata.cluster.up.UpContext;

import java.util.List;
import java.util.Map;

/** Applies the bootstrap AppProject and the root Application (server-side apply); Argo CD does the rest. */
public final class BootstrapStep implements Step {

    public static final List<String> FILES = List.of("bootstrap/appproject-bootstrap.yaml", "bootstrap/root.yaml");

    @Override
    public String id() {
        return "bootstrap";
    }

    @Override
    public String title(UpContext ctx) {
        return "Applying the root Application";
    }

    @Override
    public String fingerprint(UpContext ctx) {
        return Fingerprint.of(FILES.stream().map(f -> ctx.tree().get(f)).toArray(String[]::new));
    }

    @Override
    public String execute(UpContext ctx) {
        int n = 0;
        for (String f : FILES) {
            for (Map<String, Object> o : Manifests.parse(ctx.tree().get(f))) {
                ctx.kube().apply(o);
                n++;
            }
        }
        return n + " objects";
    }
}
