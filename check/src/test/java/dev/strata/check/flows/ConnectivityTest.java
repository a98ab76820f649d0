package dev.strata.check.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.ResourceGraph;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The model's semantics, each test citing the Kubernetes or Istio documentation it follows. */
class ConnectivityTest {

    private static String pod(String ns, String name, String labels, String extra) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %2$s, namespace: %1$s}
                spec:
                  selector: {matchLabels: {app: %2$s}}
                  template:
                    metadata: {labels: {app: %2$s%3$s}}
                    spec:
                      serviceAccountName: %2$s
                      containers: [{name: main, image: ghcr.io/example/%2$s:1.0.0, ports: [{name: http, containerPort: 8080}, {name: metrics, containerPort: 9090}]}]
                %4$s
                ---
                """.formatted(ns, name, labels, extra);
    }

    private static final String TWO_PODS = pod("a", "client", "", "") + pod("b", "server", "", "");

    private static FlowResult evaluate(String yaml, Port port) {
        ResourceGraph g = Graphs.of(yaml);
        Peer client = Peer.of(template(g, "a", "client"));
        Peer server = Peer.of(template(g, "b", "server"));
        return new Connectivity(g).evaluate(new Flow("test", client, server, port, new Via("Test", "", "t", "")));
    }

    private static PodTemplate template(ResourceGraph g, String ns, String name) {
        return g.podTemplates(ns).stream().filter(t -> t.owner().name().equals(name)).findFirst().orElseThrow();
    }

    private static String np(String ns, String name, String spec) {
        return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: " + name + ", namespace: " + ns + "}\nspec:\n"
                + spec.indent(2) + "---\n";
    }

    private static String deciders(FlowResult r) {
        return FlowFormatter.decidedBy(r.verdict());
    }

    @Test
    void withoutPoliciesEverythingIsAllowed_perDocsPodsAreNonIsolatedByDefault() {
        FlowResult r = evaluate(TWO_PODS, Port.tcp(8080));
        assertThat(r.allowed()).isTrue();
        assertThat(r.verdict().reason()).contains("no policy isolates a/client[Deployment] for egress", "no policy isolates b/server[Deployment] for ingress");
    }

    @Test
    void egressAndIngressMustBothAdmit_perDocsBothTheEgressPolicyOnTheSourceAndTheIngressPolicyOnTheDestination() {
        String ingressOk = np("b", "allow-a", "podSelector: {}\ningress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: a}}}]}]");
        String egressDeny = np("a", "deny-out", "podSelector: {}\npolicyTypes: [Egress]");
        assertThat(evaluate(TWO_PODS + ingressOk, Port.tcp(8080)).allowed()).isTrue();
        FlowResult blocked = evaluate(TWO_PODS + ingressOk + egressDeny, Port.tcp(8080));
        assertThat(blocked.allowed()).isFalse();
        assertThat(deciders(blocked)).isEqualTo("NetworkPolicy a/deny-out (egress)");
    }

    @Test
    void policyTypesDefault_perApiIngressAlwaysAndEgressOnlyWithEgressRules() {
        // egress: [] has no rules: the policy defaults to policyTypes [Ingress] and does not isolate egress
        String emptyEgress = np("a", "no-rules", "podSelector: {}\negress: []");
        assertThat(evaluate(TWO_PODS + emptyEgress, Port.tcp(8080)).allowed()).isTrue();
        String someEgress = np("a", "to-c", "podSelector: {}\negress: [{to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: c}}}]}]");
        FlowResult r = evaluate(TWO_PODS + someEgress, Port.tcp(8080));
        assertThat(r.allowed()).isFalse();
        assertThat(deciders(r)).isEqualTo("NetworkPolicy a/to-c (egress)");
    }

    @Test
    void emptyPodSelectorSelectsAllPodsInTheNamespace_perDocs() {
        String deny = np("b", "default-deny", "podSelector: {}\npolicyTypes: [Ingress]");
        assertThat(evaluate(TWO_PODS + deny, Port.tcp(8080)).allowed()).isFalse();
    }

    @Test
    void policiesAreAdditive_perDocsAllowedIfAnyPolicySelectingThePodAllows() {
        String deny = np("b", "default-deny", "podSelector: {}\npolicyTypes: [Ingress]");
        String allow = np("b", "z-allow", "podSelector: {matchLabels: {app: server}}\ningress: [{}]");
        FlowResult r = evaluate(TWO_PODS + deny + allow, Port.tcp(8080));
        assertThat(r.allowed()).isTrue();
        assertThat(deciders(r)).isEqualTo("NetworkPolicy b/z-allow (ingress)");
    }

    @Test
    void namespaceAndPodSelectorInOnePeerAreAnded_separatePeersAreOred_perDocsBehaviorOfToAndFromSelectors() {
        String and = np("b", "and", "podSelector: {}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: a}}\n    podSelector: {matchLabels: {app: other}}");
        assertThat(evaluate(TWO_PODS + and, Port.tcp(8080)).allowed()).as("AND: the pod label does not match").isFalse();
        String or = np("b", "or", "podSelector: {}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: a}}\n  - podSelector: {matchLabels: {app: other}}");
        assertThat(evaluate(TWO_PODS + or, Port.tcp(8080)).allowed()).as("OR: the namespace matches").isTrue();
        String podOnly = np("b", "same-ns", "podSelector: {}\ningress: [{from: [{podSelector: {}}]}]");
        assertThat(evaluate(TWO_PODS + podOnly, Port.tcp(8080)).allowed()).as("a podSelector alone selects pods of the policy's namespace only").isFalse();
    }

    @Test
    void matchExpressionsAndMissingNamespaceAreNoted_perDocsKubernetesMetadataNameIsSetOnEveryNamespace() {
        String policy = np("b", "expr", "podSelector: {}\ningress: [{from: [{namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [a, c]}]}}]}]");
        FlowResult r = evaluate(TWO_PODS + policy, Port.tcp(8080));
        assertThat(r.allowed()).isTrue();
        assertThat(r.verdict().notes()).contains("namespace a not in the input; assumed labels kubernetes.io/metadata.name=a only");
        String team = np("b", "team", "podSelector: {}\ningress: [{from: [{namespaceSelector: {matchLabels: {team: a}}}]}]");
        String ns = "apiVersion: v1\nkind: Namespace\nmetadata: {name: a, labels: {team: a}}\n---\n";
        assertThat(evaluate(TWO_PODS + team, Port.tcp(8080)).allowed()).as("assumed labels: no team label").isFalse();
        assertThat(evaluate(TWO_PODS + team + ns, Port.tcp(8080)).allowed()).as("the Namespace in the input has it").isTrue();
    }

    @Test
    void namedPortResolvesOnTheDestinationPod_andEndPortMakesARange_perNetworkPolicyPortApi() {
        String named = np("b", "named", "podSelector: {}\ningress: [{ports: [{port: metrics}]}]");
        assertThat(evaluate(TWO_PODS + named, new Port(9090, "", "TCP")).allowed()).isTrue();
        assertThat(evaluate(TWO_PODS + named, Port.tcp(8080)).allowed()).isFalse();
        String range = np("b", "range", "podSelector: {}\ningress: [{ports: [{port: 9000, endPort: 9100}]}]");
        assertThat(evaluate(TWO_PODS + range, Port.tcp(9090)).allowed()).isTrue();
        assertThat(evaluate(TWO_PODS + range, Port.tcp(8080)).allowed()).isFalse();
        String udp = np("b", "udp", "podSelector: {}\ningress: [{ports: [{protocol: UDP, port: 9090}]}]");
        assertThat(evaluate(TWO_PODS + udp, Port.tcp(9090)).allowed()).as("protocol defaults to TCP and must match").isFalse();
    }

    @Test
    void ipBlockExceptCarvesOutAddresses_andNeverMatchesPods_perDocsIpBlockIsForClusterExternalIps() {
        ResourceGraph g = Graphs.of(pod("a", "client", "", "")
                + np("a", "out", "podSelector: {}\negress: [{to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]}]"));
        Connectivity model = new Connectivity(g);
        Peer client = Peer.of(template(g, "a", "client"));
        Via via = new Via("Test", "", "t", "");
        assertThat(model.evaluate(new Flow("t", client, Peer.outside("x", Optional.of("10.2.3.4"), "x"), Port.tcp(443), via)).allowed()).isTrue();
        assertThat(model.evaluate(new Flow("t", client, Peer.outside("y", Optional.of("10.1.3.4"), "y"), Port.tcp(443), via)).allowed()).isFalse();
        assertThat(model.evaluate(new Flow("t", client, Peer.outside("z", Optional.of("192.168.1.1"), "z"), Port.tcp(443), via)).allowed()).isFalse();
        String any = np("b", "anywhere", "podSelector: {}\ningress: [{from: [{ipBlock: {cidr: 0.0.0.0/0}}]}]");
        assertThat(evaluate(TWO_PODS + any, Port.tcp(8080)).allowed()).as("a pod is not matched by an ipBlock").isFalse();
    }

    @Test
    void betweenAmbientPodsTheNetworkSeesHbone15008_perIstioAmbientNetworkPolicyGuide() {
        String ambient = "apiVersion: v1\nkind: Namespace\nmetadata: {name: a, labels: {istio.io/dataplane-mode: ambient}}\n---\n"
                + "apiVersion: v1\nkind: Namespace\nmetadata: {name: b, labels: {istio.io/dataplane-mode: ambient}}\n---\n";
        String appPortOnly = np("b", "app-port", "podSelector: {}\ningress: [{from: [{namespaceSelector: {}}], ports: [{port: 8080}]}]");
        FlowResult blocked = evaluate(TWO_PODS + ambient + appPortOnly, Port.tcp(8080));
        assertThat(blocked.allowed()).isFalse();
        assertThat(blocked.verdict().reason()).contains("on TCP 15008");
        String hbone = np("b", "hbone", "podSelector: {}\ningress: [{from: [{namespaceSelector: {}}], ports: [{port: 15008}]}]");
        assertThat(evaluate(TWO_PODS + ambient + hbone, Port.tcp(8080)).allowed()).isTrue();
        assertThat(evaluate(TWO_PODS + appPortOnly, Port.tcp(8080)).allowed()).as("outside the mesh the app port is what arrives").isTrue();
    }

    private static final String SIDECAR = "apiVersion: v1\nkind: Namespace\nmetadata: {name: a, labels: {istio-injection: enabled}}\n---\n"
            + "apiVersion: v1\nkind: Namespace\nmetadata: {name: b, labels: {istio-injection: enabled}}\n---\n";

    private static String authz(String ns, String name, String spec) {
        return "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: " + name + ", namespace: " + ns + "}\nspec:\n"
                + spec.indent(2) + "---\n";
    }

    @Test
    void denyIsEvaluatedBeforeAllow_perIstioAuthorizationPolicyDocs() {
        String allow = authz("b", "allow-client", "action: ALLOW\nrules: [{from: [{source: {principals: [cluster.local/ns/a/sa/client]}}]}]");
        String deny = authz("b", "deny-a", "action: DENY\nrules: [{from: [{source: {namespaces: [a]}}]}]");
        FlowResult allowed = evaluate(TWO_PODS + SIDECAR + allow, Port.tcp(8080));
        assertThat(allowed.allowed()).isTrue();
        assertThat(deciders(allowed)).contains("AuthorizationPolicy b/allow-client (allow)");
        FlowResult denied = evaluate(TWO_PODS + SIDECAR + allow + deny, Port.tcp(8080));
        assertThat(denied.allowed()).isFalse();
        assertThat(deciders(denied)).isEqualTo("AuthorizationPolicy b/deny-a (deny)");
    }

    @Test
    void anAllowPolicyThatMatchesNothingDenies_andWildcardsMatchPrefixAndSuffix_perIstioDocs() {
        String other = authz("b", "other", "action: ALLOW\nrules: [{from: [{source: {principals: [cluster.local/ns/c/sa/*]}}]}]");
        FlowResult r = evaluate(TWO_PODS + SIDECAR + other, Port.tcp(8080));
        assertThat(r.allowed()).isFalse();
        assertThat(r.verdict().reason()).contains("principal cluster.local/ns/a/sa/client");
        String prefix = authz("b", "prefix", "action: ALLOW\nrules: [{from: [{source: {principals: [cluster.local/ns/a/*]}}], to: [{operation: {ports: [\"8080\"]}}]}]");
        assertThat(evaluate(TWO_PODS + SIDECAR + prefix, Port.tcp(8080)).allowed()).isTrue();
        assertThat(evaluate(TWO_PODS + SIDECAR + prefix, Port.tcp(9090)).allowed()).as("to.operation.ports").isFalse();
        String suffix = authz("b", "suffix", "action: ALLOW\nrules: [{from: [{source: {principals: [\"*/sa/client\"]}}]}]");
        assertThat(evaluate(TWO_PODS + SIDECAR + suffix, Port.tcp(8080)).allowed()).isTrue();
    }

    @Test
    void aPolicyInTheRootNamespaceAppliesMeshWide_andASourceOutsideTheMeshHasNoPrincipal_perIstioDocs() {
        String meshWide = authz("istio-system", "mesh-allow-a", "action: ALLOW\nrules: [{from: [{source: {namespaces: [a]}}]}]");
        assertThat(evaluate(TWO_PODS + SIDECAR + meshWide, Port.tcp(8080)).allowed()).isTrue();
        String onlyB = "apiVersion: v1\nkind: Namespace\nmetadata: {name: b, labels: {istio-injection: enabled}}\n---\n";
        FlowResult r = evaluate(TWO_PODS + onlyB + meshWide, Port.tcp(8080));
        assertThat(r.allowed()).as("client is not in the mesh: source.namespaces needs mTLS").isFalse();
        assertThat(deciders(r)).isEqualTo("AuthorizationPolicy istio-system/mesh-allow-a (allow)");
        assertThat(evaluate(TWO_PODS + meshWide, Port.tcp(8080)).allowed()).as("server not in the mesh: nothing enforces it").isTrue();
    }

    @Test
    void customAndAuditActionsAreIgnoredWithANote() {
        String custom = authz("b", "ext", "action: CUSTOM\nprovider: {name: oauth2}\nrules: [{}]");
        FlowResult r = evaluate(TWO_PODS + SIDECAR + custom, Port.tcp(8080));
        assertThat(r.allowed()).isTrue();
        assertThat(r.verdict().notes()).contains("AuthorizationPolicy b/ext has action CUSTOM; not evaluated");
    }
}
