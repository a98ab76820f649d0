package dev.strata.check;

import dev.strata.check.rule.Rule;
import dev.strata.check.rules.admission.KyvernoEnforceRule;
import dev.strata.check.rules.admission.PolicyAuditOnlyRule;
import dev.strata.check.rules.gitops.ControllerRewritesFieldRule;
import dev.strata.check.rules.platform.ComponentInertRule;
import dev.strata.check.rules.admission.PodSecurityAdmissionRule;
import dev.strata.check.rules.Loader;
import dev.strata.check.rules.gitops.AppHealthCheckRule;
import dev.strata.check.rules.gitops.AppNamespaceMissingRule;
import dev.strata.check.rules.gitops.UnusedValuesFileRule;
import dev.strata.check.rules.gitops.AppSetWaveIgnoredRule;
import dev.strata.check.rules.gitops.FluxDependsOnRule;
import dev.strata.check.rules.gitops.CrdProviderMissingRule;
import dev.strata.check.rules.gitops.CrdSyncWaveRule;
import dev.strata.check.rules.gitops.PlaceholderLeftRule;
import dev.strata.check.rules.gitops.DuplicateObjectRule;
import dev.strata.check.rules.gitops.NoAutomatedSyncRule;
import dev.strata.check.rules.gitops.PruneDisabledRule;
import dev.strata.check.rules.gitops.ReplicasManagedByHpaRule;
import dev.strata.check.rules.gitops.SourcePathMissingRule;
import dev.strata.check.rules.mesh.AuthzBlocksGatewayRule;
import dev.strata.check.rules.mesh.AuthzBlocksPrometheusRule;
import dev.strata.check.rules.mesh.MixedMeshModesRule;
import dev.strata.check.rules.mesh.StrictMtlsNotEnrolledRule;
import dev.strata.check.rules.mesh.VirtualServiceGatewayRule;
import dev.strata.check.rules.network.BlocksGatewayRule;
import dev.strata.check.rules.network.BlocksPrometheusRule;
import dev.strata.check.rules.network.EgressWithoutDnsRule;
import dev.strata.check.rules.network.WrongNamespaceSelectorRule;
import dev.strata.check.rules.references.CertificateIssuerRule;
import dev.strata.check.rules.references.DanglingHpaRule;
import dev.strata.check.rules.references.DanglingPdbRule;
import dev.strata.check.rules.references.DanglingPodMonitorRule;
import dev.strata.check.rules.references.DanglingServiceMonitorRule;
import dev.strata.check.rules.references.DanglingServiceRule;
import dev.strata.check.rules.references.HttpRouteBackendRule;
import dev.strata.check.rules.references.HttpRouteParentRule;
import dev.strata.check.rules.references.IngressBackendRule;
import dev.strata.check.rules.references.MissingConfigMapRule;
import dev.strata.check.rules.references.MissingPvcRule;
import dev.strata.check.rules.references.MissingSecretRule;
import dev.strata.check.rules.references.MissingServiceAccountRule;
import dev.strata.check.rules.references.RoleBindingRoleRule;
import dev.strata.check.rules.references.RolloutServicesRule;
import dev.strata.check.rules.references.SelectorMismatchRule;
import dev.strata.check.rules.references.ServiceTargetPortRule;
import dev.strata.check.rules.reliability.AntiAffinitySelectorRule;
import dev.strata.check.rules.reliability.HpaMinExceedsMaxRule;
import dev.strata.check.rules.reliability.LivenessProbeRule;
import dev.strata.check.rules.reliability.MissingMemoryLimitRule;
import dev.strata.check.rules.reliability.MissingRequestsRule;
import dev.strata.check.rules.reliability.PdbBlocksEvictionRule;
import dev.strata.check.rules.reliability.ReadinessProbeRule;
import dev.strata.check.rules.schema.CrdSchemaRule;
import dev.strata.check.rules.schema.InvalidNameRule;
import dev.strata.check.rules.schema.SecretDataBase64Rule;
import dev.strata.check.rules.schema.RemovedApiVersionRule;
import dev.strata.check.rules.schema.RequiredFieldRule;
import dev.strata.check.rules.schema.UnknownFieldRule;
import dev.strata.check.rules.schema.WrongTypeRule;
import dev.strata.check.rules.security.CapabilitiesRule;
import dev.strata.check.rules.security.HostNamespacesRule;
import dev.strata.check.rules.security.HostPathVolumeRule;
import dev.strata.check.rules.security.HostPortRule;
import dev.strata.check.rules.security.PlaintextSecretRule;
import dev.strata.check.rules.security.PrivilegeEscalationRule;
import dev.strata.check.rules.security.PrivilegedContainerRule;
import dev.strata.check.rules.security.RbacWildcardRule;
import dev.strata.check.rules.security.ReadOnlyRootFilesystemRule;
import dev.strata.check.rules.security.RunAsRootRule;
import dev.strata.check.rules.security.SeccompProfileRule;
import dev.strata.check.rules.supplychain.ImageTagRule;
import dev.strata.check.rules.supplychain.TargetRevisionHeadRule;
import dev.strata.check.rules.supplychain.UnpinnedChartVersionRule;
import dev.strata.check.rules.tiering.CapacityRule;
import dev.strata.check.rules.tiering.NodeSelectorRule;
import dev.strata.check.rules.tiering.PlatformTierRule;
import dev.strata.check.rules.tiering.TaintNotToleratedRule;
import java.util.List;

/** The explicit list of built-in rules, by family. Adding a rule means adding it here. */
final class StandardRules {

    private StandardRules() {
    }

    static List<Rule> all() {
        return List.of(
                // schema
                new Loader.YamlSyntax(), new Loader.RenderFailed(), new Loader.ValuesTypeMismatch(), new Loader.KustomizeDeprecated(),
                new Loader.ArgoDirectoryNotRecursive(), new Loader.FluxBuildFailed(), new Loader.FluxVariableUnset(), new UnknownFieldRule(), new WrongTypeRule(),
                new RequiredFieldRule(), new RemovedApiVersionRule(), new CrdSchemaRule(), new SecretDataBase64Rule(), new InvalidNameRule(),
                // references
                new DanglingServiceRule(), new ServiceTargetPortRule(), new DanglingHpaRule(), new DanglingPdbRule(),
                new DanglingServiceMonitorRule(), new DanglingPodMonitorRule(), new IngressBackendRule(),
                new HttpRouteBackendRule(), new HttpRouteParentRule(), new CertificateIssuerRule(),
                new MissingConfigMapRule(), new MissingSecretRule(), new MissingServiceAccountRule(),
                new MissingPvcRule(), new RoleBindingRoleRule(), new SelectorMismatchRule(), new RolloutServicesRule(),
                // security (pod-security-admission decides for the rules whose checks its level covers)
                new PodSecurityAdmissionRule(), new KyvernoEnforceRule(), new PolicyAuditOnlyRule(), new RunAsRootRule(), new PrivilegeEscalationRule(), new PrivilegedContainerRule(),
                new CapabilitiesRule(), new HostNamespacesRule(), new HostPathVolumeRule(), new HostPortRule(),
                new SeccompProfileRule(), new ReadOnlyRootFilesystemRule(), new PlaintextSecretRule(),
                new RbacWildcardRule(),
                // reliability and resources
                new ReadinessProbeRule(), new LivenessProbeRule(), new MissingRequestsRule(),
                new MissingMemoryLimitRule(), new PdbBlocksEvictionRule(), new AntiAffinitySelectorRule(),
                new HpaMinExceedsMaxRule(),
                // supply chain
                new ImageTagRule(), new UnpinnedChartVersionRule(), new TargetRevisionHeadRule(),
                // gitops
                new CrdSyncWaveRule(), new SourcePathMissingRule(), new NoAutomatedSyncRule(),
                new PruneDisabledRule(), new DuplicateObjectRule(), new ReplicasManagedByHpaRule(), new AppHealthCheckRule(),
                new AppNamespaceMissingRule(), new UnusedValuesFileRule(), new ControllerRewritesFieldRule(), new ComponentInertRule(),
                new PlaceholderLeftRule(), new AppSetWaveIgnoredRule(), new FluxDependsOnRule(), new CrdProviderMissingRule(),
                // network and mesh
                new EgressWithoutDnsRule(), new BlocksPrometheusRule(), new BlocksGatewayRule(), new WrongNamespaceSelectorRule(),
                new AuthzBlocksGatewayRule(), new AuthzBlocksPrometheusRule(),
                new StrictMtlsNotEnrolledRule(), new MixedMeshModesRule(), new VirtualServiceGatewayRule(),
                // tiering and capacity
                new NodeSelectorRule(), new TaintNotToleratedRule(), new PlatformTierRule(), new CapacityRule());
    }
}
