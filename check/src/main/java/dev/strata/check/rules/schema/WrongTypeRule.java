package dev.strata.check.rules.schema;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;

/** Values of the wrong type in built-in kinds (the API server rejects the object). */
public final class WrongTypeRule extends BaseRule {

    private final SchemaValidator validator = new SchemaValidator(KindSchemas.bundled());

    public WrongTypeRule() {
        super(RuleInfo.of("schema-wrong-type", Category.SCHEMA, Severity.ERROR,
                "A field of a built-in object has a value of the wrong type (e.g. a quoted number where an integer is required).",
                "Give the field a value of the type the schema requires (quote strings, unquote numbers)."));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        if (CrdSchemaRule.hasCrd(object, ctx.graph())) {
            return; // a CRD in the input is authoritative: crd-schema-violation validates against it
        }
        validator.validateCached(object).ifPresent(list -> list.stream()
                .filter(v -> v.kind() == Violation.Kind.WRONG_TYPE)
                .forEach(v -> ctx.report(v.line(), v.message())));
    }
}
