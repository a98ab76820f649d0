package dev.strata.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.check.graph.SourceTree;
import dev.strata.check.load.LoadResult;
import dev.strata.check.load.ManifestParser;
import dev.strata.yaml.tree.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hand-written trees hold every shape: a rule must report on what it understands and ignore the
 * rest, never throw. Every rule runs over objects whose fields have the wrong shapes.
 */
class OddShapesTest {

    private static final List<String> KINDS = List.of(
            "v1 Pod", "apps/v1 Deployment", "apps/v1 StatefulSet", "apps/v1 DaemonSet", "batch/v1 CronJob", "batch/v1 Job",
            "v1 Service", "v1 Secret", "v1 ConfigMap", "v1 Namespace", "networking.k8s.io/v1 Ingress",
            "networking.k8s.io/v1 NetworkPolicy", "policy/v1 PodDisruptionBudget",
            "autoscaling/v2 HorizontalPodAutoscaler", "monitoring.coreos.com/v1 ServiceMonitor",
            "monitoring.coreos.com/v1 PodMonitor", "cert-manager.io/v1 Certificate",
            "rbac.authorization.k8s.io/v1 RoleBinding", "rbac.authorization.k8s.io/v1 Role",
            "argoproj.io/v1alpha1 Application", "argoproj.io/v1alpha1 Rollout", "security.istio.io/v1 PeerAuthentication",
            "networking.istio.io/v1 VirtualService", "gateway.networking.k8s.io/v1 HTTPRoute",
            "gateway.networking.k8s.io/v1 Gateway", "apiextensions.k8s.io/v1 CustomResourceDefinition");

    private static final List<String> BODIES = List.of(
            "spec: just text\n",
            "spec: [1, 2]\ndata: [1]\nrules: text\nroleRef: 7\n",
            "metadata: {name: [x], labels: [a], annotations: {strata.dev/ignore: [1]}}\nspec: {selector: text, template: 5, "
                    + "ports: text, rules: {a: 1}, containers: 3, source: [1], sources: text, podSelector: 1, ingress: 2, "
                    + "egress: {}, parentRefs: {}, endpoints: 1, mtls: 1, gateways: {}, versions: 1, group: [1], "
                    + "names: 1, scaleTargetRef: [], minAvailable: {}, maxUnavailable: [], issuerRef: 1, syncPolicy: 1}\n",
            "spec:\n  replicas: 99999999999999999999999\n  minAvailable: 0x1F\n  selector: {matchLabels: [1], matchExpressions: {a: 1}}\n"
                    + "  ports: [{port: 99999999999999999999, targetPort: [1]}, 5]\n"
                    + "  template:\n    metadata: {labels: text}\n    spec:\n      nodeSelector: [1]\n      tolerations: {a: 1}\n"
                    + "      volumes: [1, {name: v, secret: 5, configMap: [1], persistentVolumeClaim: {claimName: [1]}}]\n"
                    + "      affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {}}}\n"
                    + "      containers: [1, text, {name: [1], image: {a: 1}, ports: [{containerPort: x, hostPort: [1]}], "
                    + "securityContext: {capabilities: {drop: text, add: {a: 1}}, runAsUser: abc}, envFrom: [1], "
                    + "env: [{valueFrom: 1}]}]\n");

    @Test
    void everyRuleSurvivesWrongShapes() {
        StringBuilder yaml = new StringBuilder();
        for (String kind : KINDS) {
            String[] p = kind.split(" ");
            for (String body : BODIES) {
                yaml.append("---\napiVersion: ").append(p[0]).append("\nkind: ").append(p[1]).append('\n');
                yaml.append(body.startsWith("metadata") ? body : "metadata: {name: odd, namespace: ns}\n" + body);
            }
        }
        ManifestParser.Parsed parsed = new ManifestParser(new YamlReader()).parse(yaml.toString(), "odd.yaml", "file:odd.yaml", "");
        assertThat(parsed.problems()).isEmpty();
        LoadResult load = new LoadResult(parsed.resources(), 1, List.of(), List.of(), List.of(), List.of(),
                new SourceTree(List.of(), Set.of()));
        ClusterModel model = new ClusterModel(List.of(new ClusterModel.Node("n1", "worker", Optional.of("apps"),
                java.util.Map.of("tier", "apps"), List.of(new ClusterModel.Taint("t", "", "NoSchedule")), 1000, 1L << 30)),
                Optional.of("platform"), List.of("ns"), List.of());
        CheckReport report = CheckEngine.builder().clusterModel(model).build().check(load);
        List<String> internal = new ArrayList<>();
        report.findings().stream().filter(f -> f.message().startsWith("internal error"))
                .forEach(f -> internal.add(f.object().kind() + ": " + f.message()));
        assertThat(internal).isEmpty();
        assertThat(report.findings()).isNotEmpty();
    }
}
