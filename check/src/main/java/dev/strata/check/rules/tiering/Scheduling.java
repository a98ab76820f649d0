package dev.strata.check.rules.tiering;

import dev.strata.check.ClusterModel;
import dev.strata.check.graph.PodTemplate;
import dev.strata.yaml.tree.YMap;
import java.util.List;
import java.util.Map;

/** Scheduling predicates against the cluster model: nodeSelector and taints/tolerations. */
final class Scheduling {

    private Scheduling() {
    }

    /** nodeSelector and required node affinity (the scheduler's NodeAffinity filter). */
    static boolean selectorMatches(PodTemplate pod, ClusterModel.Node node) {
        for (Map.Entry<String, String> e : pod.podSpec().stringMap("nodeSelector").entrySet()) {
            if (!e.getValue().equals(node.labels().get(e.getKey()))) {
                return false;
            }
        }
        return affinityMatches(pod, node);
    }

    static List<YMap> requiredTerms(PodTemplate pod) {
        return pod.podSpec().path("affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution")
                .map(r -> r.maps("nodeSelectorTerms")).orElse(List.of());
    }

    /** Terms are ORed; the expressions of a term are ANDed. */
    static boolean affinityMatches(PodTemplate pod, ClusterModel.Node node) {
        List<YMap> terms = requiredTerms(pod);
        if (terms.isEmpty()) {
            return true;
        }
        for (YMap term : terms) {
            boolean all = true;
            for (YMap expr : term.maps("matchExpressions")) {
                if (!expressionMatches(expr, node.labels())) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean expressionMatches(YMap expr, Map<String, String> labels) {
        String actual = labels.get(expr.strOr("key", ""));
        List<String> values = expr.strings("values");
        return switch (expr.strOr("operator", "")) {
            case "In" -> actual != null && values.contains(actual);
            case "NotIn" -> actual == null || !values.contains(actual);
            case "Exists" -> actual != null;
            case "DoesNotExist" -> actual == null;
            case "Gt", "Lt" -> {
                try {
                    long a = Long.parseLong(actual == null ? "" : actual);
                    long v = Long.parseLong(values.isEmpty() ? "" : values.getFirst());
                    yield expr.strOr("operator", "").equals("Gt") ? a > v : a < v;
                } catch (NumberFormatException e) {
                    yield false;
                }
            }
            default -> true;
        };
    }

    static boolean tolerates(PodTemplate pod, ClusterModel.Taint taint) {
        if (!taint.effect().equals("NoSchedule") && !taint.effect().equals("NoExecute")) {
            return true;
        }
        for (YMap t : pod.podSpec().maps("tolerations")) {
            String key = t.strOr("key", "");
            String op = t.strOr("operator", "Equal");
            String effect = t.strOr("effect", "");
            boolean keyOk = key.isEmpty() ? op.equals("Exists") : key.equals(taint.key());
            boolean valueOk = op.equals("Exists") || t.strOr("value", "").equals(taint.value());
            boolean effectOk = effect.isEmpty() || effect.equals(taint.effect());
            if (keyOk && valueOk && effectOk) {
                return true;
            }
        }
        return false;
    }

    static List<ClusterModel.Taint> untolerated(PodTemplate pod, ClusterModel.Node node) {
        return node.taints().stream().filter(t -> !tolerates(pod, t)).toList();
    }

    /** Nodes the pod may run on. */
    static List<ClusterModel.Node> eligible(PodTemplate pod, ClusterModel model) {
        return model.nodes().stream().filter(n -> selectorMatches(pod, n) && untolerated(pod, n).isEmpty()).toList();
    }
}
