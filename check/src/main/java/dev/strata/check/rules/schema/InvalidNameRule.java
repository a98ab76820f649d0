package dev.strata.check.rules.schema;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Object names the API server refuses (apimachinery validation): most kinds need a DNS-1123
 * subdomain (lower case alphanumerics, '-' and '.', at most 253), Namespaces and Services a DNS-1123
 * label (no '.', at most 63; a Service's name becomes a DNS label). RBAC objects allow any path
 * segment name ({@code system:aggregate-to-view}) and custom resources follow their own rules, so
 * neither is judged. A name that is still a placeholder is placeholder-left's.
 */
public final class InvalidNameRule extends BaseRule {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Set<String> LABEL_KINDS = Set.of("Namespace", "Service");
    private static final Set<String> GROUPS = Set.of("", "apps", "batch", "networking.k8s.io", "policy", "autoscaling",
            "storage.k8s.io", "scheduling.k8s.io", "admissionregistration.k8s.io", "apiextensions.k8s.io", "discovery.k8s.io");

    public InvalidNameRule() {
        super(RuleInfo.of("invalid-name", Category.SCHEMA, Severity.ERROR,
                "An object's name is not a valid DNS-1123 name for its kind, so the API server refuses it.",
                "Use lower-case letters, digits and '-' (and '.' where the kind allows it), starting and ending with a letter or digit."));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        String name = object.name();
        if (name.isEmpty() || !GROUPS.contains(object.group()) || name.contains("${") || name.contains("{{")) {
            return;
        }
        boolean label = LABEL_KINDS.contains(object.kind()) && object.group().isEmpty();
        int max = label ? 63 : 253;
        boolean ok = name.length() <= max && (label ? LABEL : SUBDOMAIN).matcher(name).matches();
        if (!ok) {
            int line = object.metadata().keyLine("name");
            ctx.report(line > 0 ? line : object.line(), object.kind() + " name \"" + name + "\" is not a DNS-1123 " + (label ? "label" : "subdomain")
                    + (name.length() > max ? " (" + name.length() + " characters, at most " + max + ")"
                    : name.chars().anyMatch(Character::isUpperCase) ? " (upper-case letters)" : ""));
        }
    }
}
