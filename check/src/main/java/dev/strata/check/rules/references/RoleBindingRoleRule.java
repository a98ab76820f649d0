package dev.strata.check.rules.references;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.References;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;
import java.util.Set;

/** A RoleBinding to a Role or ClusterRole that does not exist grants nothing. */
public final class RoleBindingRoleRule extends BaseRule {

    /**
     * Roles the API server creates at start (kube-apiserver bootstrap policy,
     * plugin/pkg/auth/authorizer/rbac/bootstrappolicy): user-facing ClusterRoles, and the kube-system Role
     * extension API servers bind to read the client CA.
     */
    private static final Set<String> BUILT_IN = Set.of("cluster-admin", "admin", "edit", "view", "extension-apiserver-authentication-reader");

    public RoleBindingRoleRule() {
        super(RuleInfo.across("rolebinding-role-missing", Category.REFERENCES, Severity.ERROR,
                "A RoleBinding or ClusterRoleBinding refers to a Role or ClusterRole that does not exist.",
                "Create the Role in the binding's namespace (or the ClusterRole), or fix roleRef.").appliesTo("rbac.authorization.k8s.io/RoleBinding", "rbac.authorization.k8s.io/ClusterRoleBinding"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        boolean binding = object.kind().equals("RoleBinding");
        YMap ref = object.root().map("roleRef").orElse(YMap.empty());
        String kind = ref.strOr("kind", "");
        String name = ref.strOr("name", "");
        if (name.isEmpty() || BUILT_IN.contains(name) || name.startsWith("system:")) {
            return;
        }
        String namespace = kind.equals("Role") ? object.namespace() : "";
        if (!ctx.graph().exists(kind, namespace, name)) {
            References.missing(ctx, info().severity(), kind, namespace, ref.line(),
                    "role " + kind + "/" + name + " does not exist");
        }
    }
}
