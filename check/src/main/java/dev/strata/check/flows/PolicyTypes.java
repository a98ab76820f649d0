package dev.strata.check.flows;

import dev.strata.check.graph.Resource;
import java.util.List;

/**
 * A NetworkPolicy's policyTypes as the API server defaults them (Kubernetes NetworkPolicy API:
 * "If this field is not specified, it will default based on the existence of ingress or egress
 * rules"): Ingress always, plus Egress when the policy has at least one egress rule.
 */
public final class PolicyTypes {

    private PolicyTypes() {
    }

    public static List<String> of(Resource np) {
        List<String> types = np.spec().strings("policyTypes");
        if (!types.isEmpty()) {
            return types;
        }
        boolean egressRules = np.spec().list("egress").map(l -> !l.items().isEmpty()).orElse(false);
        return egressRules ? List.of("Ingress", "Egress") : List.of("Ingress");
    }
}
