package dev.strata.spec;

import java.util.Map;
import java.util.Optional;

/** A catalog entry switched on or off, in a mode, with value overrides merged over the catalog's. */
public record ComponentChoice(String id, boolean enabled, Optional<String> mode, Map<String, Object> values) {
}
