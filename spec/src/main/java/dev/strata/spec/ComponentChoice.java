package dev.strata.spec;

import java.util.Map;
import java.util.Optional;

/**
 * A catalog entry switched on or off, in a mode, with value overrides merged over the catalog's.
 *
 * @param inert why the component is deliberately installed without the configuration it needs to do
 *              anything (a lab with no object storage for Velero); the check does not report it and
 *              the generated docs show the reason
 */
public record ComponentChoice(String id, boolean enabled, Optional<String> mode, Map<String, Object> values, Optional<String> inert) {

    public ComponentChoice(String id, boolean enabled, Optional<String> mode, Map<String, Object> values) {
        this(id, enabled, mode, values, Optional.empty());
    }
}
