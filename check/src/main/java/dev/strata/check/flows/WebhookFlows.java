package dev.strata.check.flows;

import dev.strata.check.graph.Resource;
import dev.strata.check.graph.ResourceGraph;
import dev.strata.yaml.tree.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Webhook callers → webhook Services: the API server calls every admission webhook whose
 * clientConfig names a Service (port 443 unless given). The API server is not a pod: it reaches the
 * webhook's pods from the node or control-plane network, so only an ipBlock (or a rule without
 * {@code from}) admits it — a pod or namespace selector never does.
 */
final class WebhookFlows implements FlowSource {

    static final String KIND = "webhook";

    @Override
    public List<Flow> flows(ResourceGraph graph) {
        Peer apiServer = Peer.outside("kube-apiserver", Optional.empty(),
                "the API server calls webhooks from outside the pod network (a node or control-plane address, unknown here): "
                        + "only an ipBlock or a rule without from admits it");
        List<Flow> out = new ArrayList<>();
        for (String kind : List.of("ValidatingWebhookConfiguration", "MutatingWebhookConfiguration")) {
            for (Resource config : graph.ofKind(kind)) {
                if (!config.group().equals("admissionregistration.k8s.io")) {
                    continue;
                }
                Via via = Via.of(config);
                for (YMap webhook : config.root().maps("webhooks")) {
                    Optional<YMap> service = webhook.path("clientConfig", "service");
                    if (service.isEmpty()) {
                        continue;
                    }
                    String port = service.get().strOr("port", "443");
                    for (ServiceTargets.Target target : ServiceTargets.of(graph, service.get().strOr("namespace", ""),
                            service.get().strOr("name", ""), port)) {
                        out.add(new Flow(KIND, apiServer, Peer.of(target.pod()), target.port(), via.with("webhook " + webhook.strOr("name", "?"))));
                    }
                }
            }
        }
        return out.stream().distinct().toList();
    }
}
