package dev.strata.check.flows;

import java.util.List;

/** Istio's string matching for principals, namespaces and hosts: exact, {@code prefix*}, {@code *suffix}, {@code *} (any non-empty). */
final class IstioMatch {

    private IstioMatch() {
    }

    static boolean any(List<String> patterns, String value) {
        return patterns.stream().anyMatch(p -> matches(p, value));
    }

    static boolean matches(String pattern, String value) {
        if (pattern.equals("*")) {
            return !value.isEmpty();
        }
        if (pattern.endsWith("*")) {
            return value.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        if (pattern.startsWith("*")) {
            return value.endsWith(pattern.substring(1));
        }
        return pattern.equals(value);
    }
}
