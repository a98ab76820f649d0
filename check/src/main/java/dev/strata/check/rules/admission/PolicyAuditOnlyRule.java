package dev.strata.check.rules.admission;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An admission policy that only reports: a Kyverno policy whose validate rules run in Audit (the
 * default when neither {@code spec.validationFailureAction} nor a rule's {@code failureAction} says
 * Enforce), a Kyverno ValidatingPolicy without Deny, a Gatekeeper constraint in dryrun or warn. Bad
 * objects are admitted and only appear in reports. An error when the policy itself claims to enforce
 * (its name, title or description says so), since the tree then promises what the cluster will not
 * do; otherwise a warning (auditing can be the intent).
 */
public final class PolicyAuditOnlyRule extends BaseRule {

    private static final Pattern CLAIMS = Pattern.compile("(?i)\\benforc");

    public PolicyAuditOnlyRule() {
        super(RuleInfo.of("policy-audit-only", Category.ADMISSION, Severity.ERROR,
                "An admission policy only audits (Kyverno Audit, Gatekeeper dryrun or warn): violating objects are admitted.",
                "Set validationFailureAction (or the rule's failureAction) to Enforce, or Gatekeeper's enforcementAction to deny; or say in the policy that it audits."));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        List<String> auditing = new ArrayList<>();
        int line = object.line();
        if (object.group().equals("kyverno.io") && (object.kind().equals("ClusterPolicy") || object.kind().equals("Policy"))) {
            String policyAction = object.spec().str("validationFailureAction").orElse("Audit");
            line = object.spec().has("validationFailureAction") ? object.spec().keyLine("validationFailureAction") : line;
            for (YMap rule : object.spec().maps("rules")) {
                if (rule.map("validate").isEmpty()) {
                    continue;
                }
                String action = rule.map("validate").flatMap(v -> v.str("failureAction")).orElse(policyAction);
                if (action.toLowerCase(Locale.ROOT).equals("audit")) {
                    auditing.add(rule.strOr("name", "?"));
                }
            }
        } else if (object.group().equals("policies.kyverno.io") && object.kind().endsWith("ValidatingPolicy")) {
            List<String> actions = object.spec().strings("validationActions");
            if (!actions.isEmpty() && actions.stream().noneMatch(a -> a.equalsIgnoreCase("Deny"))) {
                auditing.add("validationActions " + actions);
            }
        } else if (object.group().equals("constraints.gatekeeper.sh")) {
            String action = object.spec().str("enforcementAction").orElse("deny");
            if (action.equals("dryrun") || action.equals("warn")) {
                auditing.add("enforcementAction " + action);
                line = object.spec().keyLine("enforcementAction");
            }
        }
        if (auditing.isEmpty()) {
            return;
        }
        String claims = object.name() + " " + object.annotation("policies.kyverno.io/title").orElse("") + " "
                + object.annotation("policies.kyverno.io/description").orElse("") + " " + object.annotation("description").orElse("");
        boolean promised = CLAIMS.matcher(claims).find();
        String message = object.kind() + " " + object.name() + " only audits (" + String.join(", ", auditing) + "): violating objects are admitted"
                + (promised ? ", though the policy says it enforces" : "");
        ctx.report(line, message, promised ? Severity.ERROR : Severity.WARNING);
    }
}
