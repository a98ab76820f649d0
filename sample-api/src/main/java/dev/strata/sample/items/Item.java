package dev.strata.sample.items;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A stored item. */
public record Item(long id, String name, Optional<String> description, Instant createdAt, Instant updatedAt) {

    /** The JSON shape clients see. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", name);
        json.put("description", description.orElse(null));
        json.put("created_at", createdAt.toString());
        json.put("updated_at", updatedAt.toString());
        return json;
    }
}
