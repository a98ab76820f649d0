package dev.strata.check.flows;

import dev.strata.check.graph.Resource;
import dev.strata.check.graph.ResourceGraph;
import dev.strata.check.graph.Selectors;
import dev.strata.yaml.tree.YMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Istio AuthorizationPolicy semantics (Istio docs, "Authorization Policy"): policies apply to a
 * workload through {@code selector} (its namespace; every namespace when the policy is in the root
 * namespace istio-system), through {@code targetRef(s)} to a Service (enforced by a waypoint), or
 * without either to the whole namespace (the whole mesh from istio-system). DENY policies are
 * evaluated first: a matching rule denies. Then, if any ALLOW policy applies, the request must match
 * one of its rules; with none it is allowed. CUSTOM and AUDIT are ignored (noted). Only mesh members
 * have a principal and a namespace (both come from the peer's mTLS certificate). L7 attributes
 * (methods, paths, hosts, request principals, conditions) are not known for a flow: an ALLOW rule
 * with them is taken to match and a DENY rule not — except where ztunnel alone enforces (ambient,
 * no targetRef): it treats an ALLOW rule with L7 attributes as matching nothing and a DENY rule as
 * matching everything (Istio docs, ambient "Use Layer 4 security policy": ztunnel fails closed).
 */
final class AuthorizationModel {

    static final String ROOT_NAMESPACE = "istio-system";
    private static final List<String> L7_OPERATION = List.of("hosts", "notHosts", "methods", "notMethods", "paths", "notPaths");
    private static final List<String> L7_SOURCE = List.of("requestPrincipals", "notRequestPrincipals");

    private final ResourceGraph graph;
    private final Mesh mesh;
    private final List<Resource> policies;

    AuthorizationModel(ResourceGraph graph, Mesh mesh) {
        this.graph = graph;
        this.mesh = mesh;
        this.policies = graph.ofKind("AuthorizationPolicy").stream()
                .filter(p -> p.group().equals("security.istio.io"))
                .sorted(Comparator.comparing(Resource::namespace).thenComparing(Resource::name)).toList();
    }

    /** Policies that apply to the destination, with whether a waypoint enforces them (targetRef). */
    List<Resource> applying(Peer to) {
        List<Resource> out = new ArrayList<>();
        for (Resource p : policies) {
            if (applies(p, to)) {
                out.add(p);
            }
        }
        return out;
    }

    private boolean applies(Resource p, Peer to) {
        boolean root = p.namespace().equals(ROOT_NAMESPACE);
        if (!root && !p.namespace().equals(to.namespace())) {
            return false;
        }
        List<YMap> targets = new ArrayList<>(p.spec().maps("targetRefs"));
        p.spec().map("targetRef").ifPresent(targets::add);
        if (!targets.isEmpty()) {
            return targets.stream().anyMatch(t -> t.strOr("kind", "").equals("Service")
                    && graph.findOne("Service", t.strOr("namespace", p.namespace()), t.strOr("name", ""))
                    .map(s -> !s.spec().stringMap("selector").isEmpty() && Selectors.matches(s.spec().stringMap("selector"), to.labels()))
                    .orElse(false));
        }
        return p.spec().map("selector").map(s -> Selectors.matches(s, to.labels())).orElse(true);
    }

    private static boolean waypoint(Resource p) {
        return p.spec().has("targetRef") || p.spec().has("targetRefs");
    }

    NetworkPolicyModel.Side decide(Peer from, Peer to, Port port, List<String> notes) {
        if (!mesh.member(to)) {
            List<Resource> unenforced = applying(to);
            if (!unenforced.isEmpty()) {
                notes.add("AuthorizationPolicy " + display(unenforced.getFirst()) + " selects " + to.name()
                        + ", which is not in the mesh: nothing enforces it");
            }
            return new NetworkPolicyModel.Side(true, List.of(), to.name() + " is not in the mesh");
        }
        boolean ztunnelOnly = mesh.ambient(to);
        List<Resource> allow = new ArrayList<>();
        for (Resource p : applying(to)) {
            String action = p.spec().strOr("action", "ALLOW").toUpperCase(Locale.ROOT);
            switch (action) {
                case "DENY" -> {
                    if (anyRule(p, from, port, false, ztunnelOnly && !waypoint(p), notes)) {
                        return new NetworkPolicyModel.Side(false, List.of(decider(p)),
                                "a DENY rule of AuthorizationPolicy " + display(p) + " matches " + from.name() + " on port " + port.number());
                    }
                }
                case "ALLOW" -> allow.add(p);
                default -> notes.add("AuthorizationPolicy " + display(p) + " has action " + action + "; not evaluated");
            }
        }
        if (allow.isEmpty()) {
            return new NetworkPolicyModel.Side(true, List.of(), "no ALLOW AuthorizationPolicy applies to " + to.name());
        }
        for (Resource p : allow) {
            if (anyRule(p, from, port, true, ztunnelOnly && !waypoint(p), notes)) {
                return new NetworkPolicyModel.Side(true, List.of(decider(p)),
                        "AuthorizationPolicy " + display(p) + " allows " + from.name());
            }
        }
        String who = mesh.member(from) ? "principal " + mesh.principal(from) : from.name() + " (not in the mesh: no principal)";
        return new NetworkPolicyModel.Side(false, List.of(decider(allow.getFirst())),
                "no rule of the ALLOW AuthorizationPolicies of " + to.name() + " admits " + who + " on port " + port.number());
    }

    /** Whether a rule of the policy matches; rules: [] matches nothing, a rule {} matches everything. */
    private boolean anyRule(Resource p, Peer from, Port port, boolean allow, boolean ztunnelOnly, List<String> notes) {
        for (YMap rule : p.spec().maps("rules")) {
            if (ruleMatches(p, rule, from, port, allow, ztunnelOnly, notes)) {
                return true;
            }
        }
        return false;
    }

    private boolean ruleMatches(Resource p, YMap rule, Peer from, Port port, boolean allow, boolean ztunnelOnly, List<String> notes) {
        List<YMap> sources = rule.maps("from").stream().map(f -> f.map("source").orElse(YMap.empty())).toList();
        List<YMap> operations = rule.maps("to").stream().map(t -> t.map("operation").orElse(YMap.empty())).toList();
        boolean l7 = rule.has("when") || operations.stream().anyMatch(o -> L7_OPERATION.stream().anyMatch(o::has))
                || sources.stream().anyMatch(s -> L7_SOURCE.stream().anyMatch(s::has));
        if (l7 && ztunnelOnly) {
            notes.add("AuthorizationPolicy " + display(p) + " has L7 attributes and only ztunnel enforces it: its "
                    + (allow ? "ALLOW rule matches nothing" : "DENY rule matches everything") + " (Istio ambient)");
            return !allow;
        }
        if (l7) {
            notes.add("AuthorizationPolicy " + display(p) + ": L7 attributes (methods, paths, hosts, conditions) are not evaluated; "
                    + (allow ? "the rule is taken to match" : "the rule is taken not to match"));
            if (!allow) {
                return false;
            }
        }
        boolean sourceOk = sources.isEmpty() || sources.stream().anyMatch(s -> sourceMatches(s, from, notes));
        boolean operationOk = operations.isEmpty() || operations.stream().anyMatch(o -> operationMatches(o, port));
        return sourceOk && operationOk;
    }

    private boolean sourceMatches(YMap s, Peer from, List<String> notes) {
        boolean member = mesh.member(from);
        String principal = member ? mesh.principal(from) : "";
        String namespace = member ? from.namespace() : "";
        if (member && from.serviceAccount().isEmpty()) {
            // an assumed peer whose service account is unknown: any principal of its namespace
            String prefix = Mesh.TRUST_DOMAIN + "/ns/" + from.namespace() + "/sa/";
            List<String> principals = s.strings("principals");
            if (!principals.isEmpty() && principals.stream().noneMatch(p -> p.startsWith(prefix) || p.equals("*"))) {
                return false;
            }
            notes.add("the service account of " + from.name() + " is unknown; assumed it matches principals of namespace " + from.namespace());
        } else {
            if (!s.strings("principals").isEmpty() && !IstioMatch.any(s.strings("principals"), principal)) {
                return false;
            }
            if (IstioMatch.any(s.strings("notPrincipals"), principal)) {
                return false;
            }
        }
        if (!s.strings("namespaces").isEmpty() && !IstioMatch.any(s.strings("namespaces"), namespace)) {
            return false;
        }
        if (IstioMatch.any(s.strings("notNamespaces"), namespace)) {
            return false;
        }
        List<String> blocks = new ArrayList<>(s.strings("ipBlocks"));
        blocks.addAll(s.strings("remoteIpBlocks"));
        if (!blocks.isEmpty()) {
            Optional<Cidr> address = from.address().flatMap(Cidr::parse);
            if (address.isEmpty()) {
                notes.add("the address of " + from.name() + " is unknown; assumed inside the ipBlocks " + String.join(",", blocks));
                return true;
            }
            return blocks.stream().flatMap(b -> Cidr.parse(b).stream()).anyMatch(c -> c.contains(address.get()));
        }
        return true;
    }

    private static boolean operationMatches(YMap o, Port port) {
        String number = Long.toString(port.number());
        if (!o.strings("ports").isEmpty() && !o.strings("ports").contains(number)) {
            return false;
        }
        return !o.strings("notPorts").contains(number);
    }

    private static Verdict.Decider decider(Resource p) {
        return new Verdict.Decider("AuthorizationPolicy", p.namespace(), p.name(), p.spec().strOr("action", "ALLOW").toLowerCase(Locale.ROOT));
    }

    static String display(Resource p) {
        return p.namespace() + "/" + p.name();
    }
}
