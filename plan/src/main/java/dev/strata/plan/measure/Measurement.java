package dev.strata.plan.measure;

import dev.strata.catalog.Resources;
import dev.strata.catalog.Workload;
import dev.strata.catalog.WorkloadKind;
import dev.strata.plan.PlannedRelease;
import dev.strata.plan.capacity.ChartPods;
import dev.strata.plan.capacity.PodFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The platform's releases rendered with their planned values and read as pods: per release, the
 * workloads its chart renders (which the plan places instead of the catalog's declaration), and how
 * the two compare.
 *
 * @param rendered per release name, what its chart renders; absent for releases not measured
 * @param sizing   per release with workloads, where its figures come from and how far apart they are
 */
public record Measurement(Map<String, List<ChartPods.Template>> rendered, List<ReleaseSizing> sizing) {

    /** Nothing measured: every figure from the catalog. */
    public static Measurement declaredOnly(List<PlannedRelease> releases) {
        return of(releases, ReleaseRenderer.NONE, "");
    }

    public static Measurement of(List<PlannedRelease> releases, ReleaseRenderer renderer, String kubeVersion) {
        Map<String, List<ChartPods.Template>> rendered = new LinkedHashMap<>();
        List<ReleaseSizing> sizing = new ArrayList<>();
        for (PlannedRelease pr : releases) {
            List<Workload> declared = pr.release().workloads().stream().filter(w -> !w.byOperator()).toList();
            if (!pr.source().helm()) {
                continue; // a directory of manifests (CRDs): nothing to size
            }
            ReleaseRenderer.Outcome outcome = renderer.render(pr, kubeVersion);
            Resources declaredTotal = Resources.NONE;
            Set<String> declaredNames = new LinkedHashSet<>();
            for (Workload w : declared) {
                declaredNames.add(w.name());
                if (w.kind() != WorkloadKind.Job && w.kind() != WorkloadKind.CronJob) {
                    declaredTotal = declaredTotal.plus(PodFactory.declaredPod(pr.release(), w, pr.values())[0]
                            .times(PodFactory.declaredReplicas(w, pr.values())));
                }
            }
            if (outcome instanceof ReleaseRenderer.Rendered r) {
                List<ChartPods.Template> templates = ChartPods.templates(r.parts(), pr.namespace());
                rendered.put(pr.name(), templates);
                Resources measured = Resources.NONE;
                Set<String> renderedNames = new LinkedHashSet<>();
                for (ChartPods.Template t : templates) {
                    renderedNames.add(t.name());
                    if (!t.completes()) {
                        measured = measured.plus(t.requests().times(t.kind().equals("DaemonSet") ? 1 : t.replicas()));
                    }
                }
                if (declared.isEmpty() && templates.isEmpty()) {
                    continue;
                }
                sizing.add(new ReleaseSizing(pr.componentId(), pr.name(), declaredTotal, Optional.of(measured), Optional.empty(),
                        minus(renderedNames, declaredNames), minus(declaredNames, renderedNames)));
            } else if (!declared.isEmpty()) {
                String why = ((ReleaseRenderer.Unavailable) outcome).why();
                sizing.add(new ReleaseSizing(pr.componentId(), pr.name(), declaredTotal, Optional.empty(), Optional.of(why), List.of(), List.of()));
            }
        }
        return new Measurement(Map.copyOf(rendered), List.copyOf(sizing));
    }

    /** Every image the rendered charts' pods run (hooks and Jobs included), sorted, once each. */
    public List<String> images() {
        return rendered.values().stream().flatMap(List::stream).flatMap(t -> t.images().stream()).distinct().sorted().toList();
    }

    /** Whether any release's figures come from its chart. */
    public boolean any() {
        return !rendered.isEmpty();
    }

    public Optional<ReleaseSizing> of(String release) {
        return sizing.stream().filter(s -> s.release().equals(release)).findFirst();
    }

    private static List<String> minus(Set<String> a, Set<String> b) {
        List<String> out = new ArrayList<>();
        for (String s : a) {
            if (!b.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
