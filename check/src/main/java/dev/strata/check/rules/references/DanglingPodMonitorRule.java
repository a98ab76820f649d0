package dev.strata.check.rules.references;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.Selectors;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A PodMonitor selecting no pod, or naming a port the pods do not declare, scrapes nothing. */
public final class DanglingPodMonitorRule extends BaseRule {

    public DanglingPodMonitorRule() {
        super(RuleInfo.across("dangling-pod-monitor", Category.REFERENCES, Severity.ERROR,
                "A PodMonitor's selector matches no pod template, or its endpoint port is not a named container port of the matched pods.",
                "Make spec.selector match the pod template's labels and podMetricsEndpoints[].port a container port name.").appliesTo("monitoring.coreos.com/PodMonitor"));
    }

    /**
     * Ports a mesh adds when it injects its proxy at admission, so they are in no pod template:
     * Istio's sidecar declares http-envoy-prom (15090), Linkerd's proxy linkerd-admin (4191).
     */
    static List<String> injectedPorts(PodTemplate t, RuleContext ctx) {
        Map<String, String> podAnnotations = t.owner().spec().path("template", "metadata").map(m -> m.stringMap("annotations")).orElse(Map.of());
        Map<String, String> podLabels = t.labels();
        Map<String, String> nsLabels = ctx.graph().namespaceLabels(t.owner().namespace()).orElse(Map.of());
        Map<String, String> nsAnnotations = ctx.graph().namespace(t.owner().namespace()).map(Resource::annotations).orElse(Map.of());
        boolean istio = "true".equals(podLabels.get("sidecar.istio.io/inject")) || "true".equals(podAnnotations.get("sidecar.istio.io/inject"))
                || ("enabled".equals(nsLabels.get("istio-injection")) && !"false".equals(podLabels.get("sidecar.istio.io/inject")));
        boolean linkerd = "enabled".equals(podAnnotations.get("linkerd.io/inject")) || "enabled".equals(nsAnnotations.get("linkerd.io/inject"));
        List<String> out = new ArrayList<>();
        if (istio) {
            out.add("http-envoy-prom");
        }
        if (linkerd) {
            out.add("linkerd-admin");
        }
        return out;
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        YMap selector = object.spec().map("selector").orElse(YMap.empty());
        List<String> names = object.spec().path("namespaceSelector").map(n -> n.strings("matchNames")).orElse(List.of());
        List<String> namespaces = names.isEmpty() ? List.of(object.namespace()) : names;
        List<PodTemplate> matched = new ArrayList<>();
        for (String ns : namespaces) {
            matched.addAll(ctx.graph().podTemplatesMatching(ns, selector));
        }
        if (matched.isEmpty()) {
            String message = "selector " + Selectors.display(selector) + " matches no pod template";
            if (namespaces.stream().allMatch(ctx.graph()::ownsWorkloads)) {
                ctx.report(object.spec().keyLine("selector"), message);
            } else {
                ctx.report(object.spec().keyLine("selector"), message + " in the input (the pods may be created outside it)",
                        Severity.WARNING);
            }
            return;
        }
        for (YMap endpoint : object.spec().maps("podMetricsEndpoints")) {
            Optional<String> port = endpoint.str("port");
            if (port.isPresent() && matched.stream().noneMatch(t -> injectedPorts(t, ctx).contains(port.get())
                    || t.containers().stream().anyMatch(c ->
                    c.spec().maps("ports").stream().anyMatch(p -> p.strOr("name", "").equals(port.get()))))) {
                ctx.report(endpoint.keyLine("port"), "endpoint port " + port.get()
                        + " is not a named container port of " + matched.getFirst().owner().name());
            }
        }
    }
}
