package dev.strata.check;

import java.util.regex.Pattern;
import java.util.Set;

/**
 * A rule's metadata, declared beside its code.
 *
 * @param crossResource whether the rule reads other objects of the graph to decide
 * @param kinds         the kinds the rule applies to, as {@code group/Kind} ({@code Kind} for the core
 *                      group); the engine gives it only those objects. Empty: every object.
 */
public record RuleInfo(String id, Category category, Severity severity, String description,
                       String remediation, boolean crossResource, Set<String> kinds) {

    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public RuleInfo(String id, Category category, Severity severity, String description, String remediation, boolean crossResource) {
        this(id, category, severity, description, remediation, crossResource, Set.of());
    }

    public RuleInfo {
        kinds = Set.copyOf(kinds);
        if (id == null || !KEBAB.matcher(id).matches()) {
            throw new CheckException("rule id \"" + id + "\" is not kebab-case");
        }
        if (description == null || description.isBlank()) {
            throw new CheckException("rule " + id + " has no description");
        }
        if (remediation == null || !remediation.endsWith(".")) {
            throw new CheckException("rule " + id + " remediation must be a sentence ending in a period");
        }
    }

    public static RuleInfo of(String id, Category category, Severity severity, String description,
                              String remediation) {
        return new RuleInfo(id, category, severity, description, remediation, false);
    }

    public static RuleInfo across(String id, Category category, Severity severity, String description,
                                  String remediation) {
        return new RuleInfo(id, category, severity, description, remediation, true);
    }

    /** This rule for objects of these kinds only ({@code group/Kind}, or {@code Kind} in the core group). */
    public RuleInfo appliesTo(String... groupKinds) {
        return new RuleInfo(id, category, severity, description, remediation, crossResource, Set.of(groupKinds));
    }

    /** Whether the rule applies to an object of this group and kind. */
    public boolean covers(String group, String kind) {
        return kinds.isEmpty() || kinds.contains(group.isEmpty() ? kind : group + "/" + kind);
    }
}
