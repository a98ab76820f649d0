package dev.strata.check.rules.schema;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import java.util.List;
import java.util.Optional;

/**
 * Unknown fields in built-in kinds (a typo is silently dropped by the API server). This rule also
 * counts objects that no schema covers (neither bundled nor a CRD in the input) as skipped.
 */
public final class UnknownFieldRule extends BaseRule {

    private final SchemaValidator validator = new SchemaValidator(KindSchemas.bundled());

    public UnknownFieldRule() {
        super(RuleInfo.of("schema-unknown-field", Category.SCHEMA, Severity.ERROR,
                "A built-in object has a field its schema does not define (often a typo the API server drops silently).",
                "Fix the field name at the reported path (see kubectl explain)."));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        if (CrdSchemaRule.hasCrd(object, ctx.graph())) {
            return; // a CRD in the input is authoritative: crd-schema-violation validates against it
        }
        Optional<List<Violation>> violations = validator.validateCached(object);
        if (violations.isEmpty()) {
            if (!RemovedApiVersionRule.isRemoved(object)) {
                ctx.skip("no schema for " + object.apiVersion() + " " + object.kind());
            }
            return;
        }
        boolean sops = object.sopsEncrypted();
        for (Violation v : violations.get()) {
            if (v.kind() == Violation.Kind.UNKNOWN_FIELD && !(sops && v.path().equals("sops"))) {
                ctx.report(v.line(), v.message());
            }
        }
    }
}
