package dev.strata.check.rules.security;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;
import java.util.List;

/** Roles granting "*" verbs, resources or API groups. */
public final class RbacWildcardRule extends BaseRule {

    public RbacWildcardRule() {
        super(RuleInfo.of("rbac-wildcard", Category.SECURITY, Severity.ERROR,
                "A Role or ClusterRole grants a wildcard (*) verb, resource or API group.",
                "List the verbs, resources and API groups the subject needs instead of *.").appliesTo("rbac.authorization.k8s.io/Role", "rbac.authorization.k8s.io/ClusterRole"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        List<YMap> rules = object.root().maps("rules");
        for (int i = 0; i < rules.size(); i++) {
            YMap rule = rules.get(i);
            for (String field : List.of("verbs", "resources", "apiGroups")) {
                if (rule.strings(field).contains("*")) {
                    ctx.report(rule.keyLine(field), "rules[" + i + "] grants " + field + " *");
                }
            }
        }
    }
}
