package dev.strata.catalog;

import java.util.Optional;

/**
 * An object a component's own controllers create at run time that its pods refer to (a webhook's
 * TLS Secret, a leader-election ConfigMap), so that a reference to it is not reported missing.
 *
 * @param namespace absent: the release's namespace
 * @param by        who creates it, with where that was read
 */
public record RuntimeObject(String kind, String name, Optional<String> namespace, String by) {

    public RuntimeObject {
        namespace = namespace == null ? Optional.empty() : namespace;
        if (kind == null || name == null || by == null || by.isBlank()) {
            throw new IllegalArgumentException("a run-time object names its kind, its name and who creates it");
        }
    }
}
