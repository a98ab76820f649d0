package dev.strata.sample.items;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.strata.sample.http.ApiException;

/** What a client sends to create or replace an item: a name (required) and a description. */
public record ItemDraft(String name, Optional<String> description) {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 2000;
    private static final Set<String> FIELDS = Set.of("name", "description");

    /** Validates a JSON body, reporting every problem at once. */
    public static ItemDraft fromJson(JsonNode json) {
        if (!json.isObject()) {
            throw ApiException.badRequest("invalid_item", "item must be a JSON object like {\"name\": \"...\"}");
        }
        List<String> problems = new ArrayList<>();
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                problems.add(field + ": unknown field; known: name, description");
            }
        }
        JsonNode name = json.get("name");
        if (name == null || name.isNull()) {
            problems.add("name: is required");
        } else if (!name.isTextual() || name.asText().isBlank()) {
            problems.add("name: must be a non-empty string");
        } else if (name.asText().length() > MAX_NAME) {
            problems.add("name: is " + name.asText().length() + " characters; at most " + MAX_NAME);
        }
        JsonNode description = json.get("description");
        if (description != null && !description.isNull()) {
            if (!description.isTextual()) {
                problems.add("description: must be a string or null");
            } else if (description.asText().length() > MAX_DESCRIPTION) {
                problems.add("description: is " + description.asText().length() + " characters; at most "
                        + MAX_DESCRIPTION);
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("invalid_item", String.join("; ", problems));
        }
        return new ItemDraft(name.asText().strip(), description == null || description.isNull()
                ? Optional.empty() : Optional.of(description.asText()));
    }
}
