package dev.strata.check.rules;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;

/** Rules whose findings the loader reports (it cannot build objects from the input). */
public final class Loader {

    private Loader() {
    }

    /** Malformed YAML, duplicate keys, alias bombs, nesting too deep. */
    public static final class YamlSyntax extends BaseRule {
        public YamlSyntax() {
            super(RuleInfo.of("yaml-syntax", Category.SCHEMA, Severity.ERROR,
                    "A YAML document cannot be read: syntax error, duplicate key, or limits on aliases, size or nesting exceeded.",
                    "Fix the YAML at the reported line; the other documents are still checked."));
        }

        @Override
        public void check(Resource object, RuleContext context) {
            // reported by the loader
        }

        @Override
        public boolean reportedByLoader() {
            return true;
        }
    }

    /** kustomize build or helm template failed. */
    public static final class RenderFailed extends BaseRule {
        public RenderFailed() {
            super(RuleInfo.of("render-failed", Category.GITOPS, Severity.ERROR,
                    "A Kustomize directory or Helm chart in the tree does not build.",
                    "Run kustomize build or helm template on it and fix the reported error."));
        }

        @Override
        public void check(Resource object, RuleContext context) {
            // reported by the loader
        }

        @Override
        public boolean reportedByLoader() {
            return true;
        }
    }

    /** A values key whose type differs from the chart's default (deep check, charts rendered from the cache). */
    public static final class ValuesTypeMismatch extends BaseRule {
        public ValuesTypeMismatch() {
            super(RuleInfo.of("values-type-mismatch", Category.SCHEMA, Severity.ERROR,
                    "A Helm values key has another type than the chart's default (Helm reads values as YAML 1.1: an unquoted off is false), so the chart's templates get what they do not expect.",
                    "Quote the value (or give it the chart's type) in the values file."));
        }

        @Override
        public void check(Resource object, RuleContext context) {
            // reported by the loader
        }

        @Override
        public boolean reportedByLoader() {
            return true;
        }
    }
}
