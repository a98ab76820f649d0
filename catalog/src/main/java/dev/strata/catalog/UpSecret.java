package dev.strata.catalog;

import java.util.Map;
import java.util.Optional;

/**
 * A Secret {@code strata up} creates before Argo CD syncs, because the component refers to it and it
 * must not be in git (an admin password): each key's value is either fixed or {@value #RANDOM}, a
 * random value made on the machine. An existing Secret is never replaced.
 *
 * @param namespace absent: the component's namespace
 */
public record UpSecret(String name, Optional<String> namespace, Map<String, String> keys, String why) {

    public static final String RANDOM = "random";

    public UpSecret {
        namespace = namespace == null ? Optional.empty() : namespace;
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        if (name == null || keys.isEmpty() || why == null || why.isBlank()) {
            throw new IllegalArgumentException("a Secret strata up creates has a name, keys and a reason");
        }
    }
}
