package dev.strata.cli;

import dev.strata.catalog.Catalog;
import dev.strata.check.ClusterModel;
import dev.strata.plan.OperatorWorkloads;
import dev.strata.yaml.Yaml;
import dev.strata.check.Severity;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanException;
import dev.strata.plan.Planner;
import dev.strata.plan.capacity.NodeInfo;
import dev.strata.plan.facts.PlatformFacts;
import dev.strata.plan.facts.Tier;
import dev.strata.plan.capacity.Scenario;
import dev.strata.plan.capacity.Unschedulable;
import dev.strata.spec.PlatformSpec;
import dev.strata.spec.SpecException;
import dev.strata.spec.SpecLoader;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What `strata check` knows about the target cluster when the checked tree holds a platform.yaml:
 * its nodes (with tier labels, taints and allocatable resources), the platform tier and
 * namespaces, and the planner's capacity result as findings. A spec that cannot be read or
 * planned leaves the tiering and capacity rules skipped, with the reason on stderr.
 */
final class PlatformClusterModel {

    private PlatformClusterModel() {
    }

    static Optional<ClusterModel> from(Path platformYaml, PrintWriter err) {
        PlatformSpec spec;
        Plan plan;
        try {
            spec = SpecLoader.bundled().load(platformYaml);
            plan = Planner.bundled().plan(spec, Scenario.REPLICAS);
        } catch (SpecException e) {
            err.println("strata: " + platformYaml + " cannot be used for the tiering and capacity rules (they are skipped): "
                    + e.problems().get(0) + (e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more; run strata plan)" : ""));
            return Optional.empty();
        } catch (PlanException e) {
            err.println("strata: " + platformYaml + " does not plan, so the tiering and capacity rules are skipped: " + e.problems().get(0));
            return Optional.empty();
        }
        PlatformFacts facts = plan.facts();
        List<ClusterModel.Node> nodes = new ArrayList<>();
        for (NodeInfo n : facts.nodes()) {
            nodes.add(new ClusterModel.Node(n.name(), n.controlPlane() ? "control-plane" : "worker", n.tier(), n.labels(),
                    n.taints().stream().map(t -> new ClusterModel.Taint(t.key(), t.value(), t.effect())).toList(),
                    n.allocatable().cpu().millicores(), n.allocatable().memory().bytes()));
        }
        TreeSet<String> namespaces = new TreeSet<>(facts.platformNamespaces().keySet());
        List<ClusterModel.CapacityFinding> capacity = new ArrayList<>();
        for (Unschedulable u : plan.capacity().unschedulable()) {
            capacity.add(new ClusterModel.CapacityFinding(Severity.ERROR, Optional.empty(), u.toString()));
        }
        Tier tier = facts.platformTier();
        Optional<String> platformTier = tier.served() ? Optional.of(tier.name()) : Optional.empty();
        List<ClusterModel.Declared> declared = OperatorWorkloads.of(plan).stream()
                .map(d -> new ClusterModel.Declared(Yaml.dump(d.manifest()), d.createdBy(), platformYaml.toString() + " (catalog " + d.component() + ")"))
                .toList();
        List<ClusterModel.Outside> outside = facts.createdOutside().stream()
                .map(o -> new ClusterModel.Outside(o.kind(), o.namespace(), o.name(), o.by())).toList();
        List<ClusterModel.ComponentNeeds> needs = facts.componentNeeds().stream()
                .map(c -> new ClusterModel.ComponentNeeds(c.id(), c.objects().stream()
                        .map(n -> new ClusterModel.Need(n.group(), n.kind(), n.purpose())).toList(), c.unmet(), c.inert()))
                .toList();
        Optional<ClusterModel.PodSecurityDefaults> podSecurity = facts.clusterDefaults(Catalog.bundled())
                .map(d -> new ClusterModel.PodSecurityDefaults(d.podSecurity(), d.exempt(), d.namespaces()));
        return Optional.of(new ClusterModel(nodes, platformTier, List.copyOf(namespaces), capacity,
                Optional.of(spec.cluster().kubernetesVersion()), declared, outside, needs, facts.crdProviders(), podSecurity));
    }
}
