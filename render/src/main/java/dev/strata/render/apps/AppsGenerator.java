package dev.strata.render.apps;

import dev.strata.render.Generator;
import dev.strata.render.Obj;
import dev.strata.render.RenderContext;
import dev.strata.render.RenderException;
import dev.strata.render.RenderedTree;
import dev.strata.spec.AppEnvironment;
import dev.strata.spec.AppSpec;
import dev.strata.spec.ExternalService;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every app of the spec as Kustomize: {@code apps/<app>/base} holds what is the same in every
 * environment (and names none), {@code apps/<app>/overlays/<env>} the namespace and what differs.
 * Argo CD syncs each overlay as one Application (written by the Applications generator).
 */
public final class AppsGenerator implements Generator {

    @Override
    public String name() {
        return "apps";
    }

    @Override
    public void generate(RenderContext ctx, RenderedTree out) {
        for (AppSpec app : ctx.spec().apps()) {
            checkNames(app);
            AppFacts f = AppFacts.of(ctx, app);
            String root = "apps/" + app.name();
            for (Manifest m : base(ctx, f)) {
                out.put(root + "/base/" + m.file(), m.render());
            }
            for (AppEnvironment env : app.environments()) {
                for (Manifest m : OverlayManifests.of(ctx, f, env)) {
                    out.put(root + "/overlays/" + env.name() + "/" + m.file(), m.render());
                }
            }
        }
    }

    static List<Manifest> base(RenderContext ctx, AppFacts f) {
        List<Manifest> objects = new ArrayList<>();
        objects.add(ServiceManifests.serviceAccount(f));
        objects.add(ConfigMapManifest.of(f));
        objects.add(WorkloadManifest.of(ctx, f));
        objects.addAll(ServiceManifests.services(f));
        objects.add(ScalingManifests.hpa(f));
        objects.add(ScalingManifests.pdb(f));
        objects.addAll(NetworkPolicies.of(ctx, f));
        objects.addAll(MeshPolicies.of(ctx, f));
        MetricsManifest.of(f).ifPresent(objects::add);
        RouteManifest.of(f).ifPresent(objects::add);
        objects.addAll(ExternalServices.of(f));
        objects.sort(Comparator.comparing(Manifest::file));
        List<Manifest> out = new ArrayList<>();
        out.add(new Manifest("kustomization.yaml", List.of(
                f.name() + ": everything that is the same in every environment. No namespace and no environment",
                "name here: each overlay sets them."),
                Obj.map("apiVersion", "kustomize.config.k8s.io/v1beta1", "kind", "Kustomization",
                        "resources", objects.stream().map(Manifest::file).toList())));
        out.addAll(objects);
        return out;
    }

    /** An external service named like the app's own Services would overwrite one of them. */
    private static void checkNames(AppSpec app) {
        List<String> problems = new ArrayList<>();
        for (ExternalService x : app.external()) {
            if (x.name().equals(app.name()) || x.name().equals(app.name() + "-canary")) {
                problems.add("apps." + app.name() + ".external." + x.name() + ": the name is taken by the app's own Service; rename the external service (e.g. "
                        + x.name() + "-db)");
            }
        }
        if (!problems.isEmpty()) {
            throw new RenderException(problems);
        }
    }
}
