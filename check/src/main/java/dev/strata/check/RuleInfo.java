package dev.strata.check;

import java.util.regex.Pattern;

/**
 * A rule's metadata, declared beside its code.
 *
 * @param crossResource whether the rule reads other objects of the graph to decide
 */
public record RuleInfo(String id, Category category, Severity severity, String description,
                       String remediation, boolean crossResource) {

    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public RuleInfo {
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
}
