package dev.strata.render.apps;

import dev.strata.render.Obj;
import dev.strata.spec.ExternalService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Services outside the cluster (databases on the Docker network) under a cluster name: a Service
 * without a selector plus the EndpointSlice that gives it the outside address. Pods connect to
 * {@code <name>:<port>}; the address lives in one file.
 */
final class ExternalServices {

    static final String MANAGED_BY = "strata.dev";

    private ExternalServices() {
    }

    static List<Manifest> of(AppFacts f) {
        List<Manifest> out = new ArrayList<>();
        for (ExternalService x : f.app().external()) {
            Map<String, String> labels = new TreeMap<>(Map.of("app.kubernetes.io/part-of", AppFacts.PART_OF, "app.kubernetes.io/name", x.name()));
            out.add(new Manifest("service-" + x.name() + ".yaml", List.of(
                    x.name() + " outside the cluster: no selector, so Kubernetes keeps no endpoints of its own;",
                    "endpointslice-" + x.name() + ".yaml supplies " + x.address() + ":" + x.port() + ". The port is named tcp so that a",
                    "mesh treats it as opaque TCP rather than sniffing for HTTP."),
                    Obj.of("v1", "Service", x.name()).labels(labels)
                            .put("spec", Obj.map(
                                    "type", "ClusterIP",
                                    "ports", List.of(Obj.map("name", "tcp", "port", x.port(), "targetPort", x.port(), "protocol", "TCP", "appProtocol", "tcp"))))
                            .build()));
            Map<String, String> sliceLabels = new TreeMap<>(labels);
            sliceLabels.put("kubernetes.io/service-name", x.name());
            // Any managed-by value but the EndpointSlice controller's keeps that controller away.
            sliceLabels.put("endpointslice.kubernetes.io/managed-by", MANAGED_BY);
            out.add(new Manifest("endpointslice-" + x.name() + ".yaml", List.of(
                    "Where " + x.name() + " really is. Bound to Service " + x.name() + " by the kubernetes.io/service-name label."),
                    Obj.of("discovery.k8s.io/v1", "EndpointSlice", x.name()).labels(sliceLabels)
                            .put("addressType", "IPv4")
                            .put("ports", List.of(Obj.map("name", "tcp", "port", x.port(), "protocol", "TCP", "appProtocol", "tcp")))
                            .put("endpoints", List.of(Obj.map("addresses", List.of(x.address()), "conditions", Obj.map("ready", true))))
                            .build()));
        }
        return out;
    }
}
