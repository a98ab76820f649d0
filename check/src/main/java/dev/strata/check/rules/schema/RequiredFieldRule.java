package dev.strata.check.rules.schema;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;
import java.util.List;

/** Fields the API server requires: metadata.name, container name and image, apps/v1 selector, port numbers. */
public final class RequiredFieldRule extends BaseRule {

    private static final List<String> SELECTOR_KINDS = List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet");

    public RequiredFieldRule() {
        super(RuleInfo.of("schema-required-field", Category.SCHEMA, Severity.ERROR,
                "A required field is missing: metadata.name, a container's name or image, an apps/v1 workload's selector, or a Service port number.",
                "Add the missing field at the reported path."));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        if (!object.root().has("metadata") && !KindSchemas.bundled().knowsGroupKind(object.group(), object.kind())
                && ctx.graph().crd(object.group(), object.kind()).isEmpty()) {
            return; // a tool's configuration (kind's Cluster, Talos patches), not a Kubernetes object
        }
        if (object.name().isEmpty()) {
            ctx.report("metadata.name: required field is missing");
        }
        if (object.group().equals("apps") && SELECTOR_KINDS.contains(object.kind()) && !object.spec().has("selector")) {
            ctx.report(object.root().keyLine("spec"), "spec.selector: required field is missing");
        }
        ctx.graph().podTemplate(object).ifPresent(pod -> {
            for (PodTemplate.Container c : pod.allContainers()) {
                for (String field : List.of("name", "image")) {
                    if (c.spec().str(field).isEmpty()) {
                        ctx.report(c.spec().line(), c.path() + "." + field + ": required field is missing");
                    }
                }
            }
        });
        if (object.is("", "Service")) {
            List<YMap> ports = object.spec().maps("ports");
            for (int i = 0; i < ports.size(); i++) {
                if (!ports.get(i).has("port")) {
                    ctx.report(ports.get(i).line(), "spec.ports[" + i + "].port: required field is missing");
                }
            }
        }
    }
}
