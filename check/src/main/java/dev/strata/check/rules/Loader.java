package dev.strata.check.rules;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;

/** Rules whose findings the loader reports, while it reads, builds and renders the input. */
public final class Loader {

    private Loader() {
    }

    /** A rule the loader reports: it has nothing to check on a loaded object. */
    private abstract static class Reported extends BaseRule {
        Reported(RuleInfo info) {
            super(info);
        }

        @Override
        public final void check(Resource object, RuleContext context) {
            // reported by the loader
        }

        @Override
        public final boolean reportedByLoader() {
            return true;
        }
    }

    /** Malformed YAML, duplicate keys, alias bombs, nesting too deep. */
    public static final class YamlSyntax extends Reported {
        public YamlSyntax() {
            super(RuleInfo.of("yaml-syntax", Category.SCHEMA, Severity.ERROR,
                    "A YAML document cannot be read: syntax error, duplicate key, or limits on aliases, size or nesting exceeded.",
                    "Fix the YAML at the reported line; the other documents are still checked."));
        }
    }

    /** kustomize build or helm template failed. */
    public static final class RenderFailed extends Reported {
        public RenderFailed() {
            super(RuleInfo.of("render-failed", Category.GITOPS, Severity.ERROR,
                    "A Kustomize directory or Helm chart in the tree does not build.",
                    "Run kustomize build or helm template on it and fix the reported error."));
        }
    }

    /** A values key whose type differs from the chart's default (deep check, charts rendered from the cache). */
    public static final class ValuesTypeMismatch extends Reported {
        public ValuesTypeMismatch() {
            super(RuleInfo.of("values-type-mismatch", Category.SCHEMA, Severity.ERROR,
                    "A Helm values key has another type than the chart's default (Helm reads values as YAML 1.1: an unquoted off is false), so the chart's templates get what they do not expect.",
                    "Quote the value (or give it the chart's type) in the values file."));
        }
    }

    /** Fields kustomize v5 still honours but warns about (api/types/kustomization.go CheckDeprecatedFields). */
    public static final class KustomizeDeprecated extends Reported {
        public KustomizeDeprecated() {
            super(RuleInfo.of("kustomize-deprecated", Category.GITOPS, Severity.WARNING,
                    "A kustomization uses a field kustomize v5 deprecates (bases, commonLabels, imageTags, patchesJson6902, patchesStrategicMerge, vars).",
                    "Run kustomize edit fix, or move the entries to resources, labels, images, patches or replacements."));
        }
    }

    /**
     * An Argo CD directory source whose path holds no manifest at its top level while its
     * subdirectories do: Argo CD reads subdirectories only with {@code directory.recurse: true}.
     */
    public static final class ArgoDirectoryNotRecursive extends Reported {
        public ArgoDirectoryNotRecursive() {
            super(RuleInfo.of("argo-directory-not-recursive", Category.GITOPS, Severity.ERROR,
                    "An Argo CD Application's directory source reads no manifest: they are in subdirectories, which Argo CD reads only with directory.recurse.",
                    "Set spec.source.directory.recurse: true, point the path at the directory that holds the manifests, or add a kustomization.yaml."));
        }
    }

    /** A Flux Kustomization whose build would fail: its path is not in the source, or a file there is not a Kubernetes object. */
    public static final class FluxBuildFailed extends Reported {
        public FluxBuildFailed() {
            super(RuleInfo.of("flux-build-failed", Category.GITOPS, Severity.ERROR,
                    "A Flux Kustomization does not build as kustomize-controller builds it: its path is missing, a YAML file it picks up is not a Kubernetes object, or a substitution cannot be parsed.",
                    "Fix the path or the file named, or add a kustomization.yaml that lists only the manifests."));
        }
    }

    /**
     * A {@code ${VAR}} in a Flux-built object that no {@code postBuild.substitute} or
     * {@code substituteFrom} source defines and that has no default: strict substitution (the
     * default since kustomize-controller v1.9, feature gate StrictPostBuildSubstitutions) fails the build.
     */
    public static final class FluxVariableUnset extends Reported {
        public FluxVariableUnset() {
            super(RuleInfo.of("flux-variable-unset", Category.GITOPS, Severity.ERROR,
                    "A ${VAR} in an object a Flux Kustomization builds has no value and no default: strict post-build substitution fails the build.",
                    "Define the variable in postBuild.substitute or a substituteFrom ConfigMap or Secret, or give it a default (${VAR:=value})."));
        }
    }
}
