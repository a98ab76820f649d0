package dev.strata.sample;

import static dev.strata.sample.SampleApiIT.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** The items API as a client sees it; run against each store. */
public final class ItemsContract {

    private ItemsContract() {
    }

    public static void exercise(TestHttp http) {
        TestHttp.Response created = http.post("/api/v1/items", "{\"name\":\"  first  \",\"description\":\"one\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.header("location")).isEqualTo("/api/v1/items/" + id);
        assertThat(created.json().path("name").asText()).isEqualTo("first");
        assertThat(created.json().path("created_at").asText()).isNotBlank();

        JsonNode read = http.get("/api/v1/items/" + id).json();
        assertThat(read.path("description").asText()).isEqualTo("one");

        for (int i = 2; i <= 5; i++) {
            assertThat(http.post("/api/v1/items", "{\"name\":\"item " + i + "\"}").status()).isEqualTo(201);
        }
        JsonNode page = http.get("/api/v1/items?limit=2&offset=1").json();
        assertThat(page.path("items")).hasSize(2);
        assertThat(page.path("limit").asInt()).isEqualTo(2);
        assertThat(page.path("offset").asLong()).isEqualTo(1);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(page.path("items").get(0).path("id").asLong())
                .isLessThan(page.path("items").get(1).path("id").asLong());
        JsonNode beyond = http.get("/api/v1/items?limit=10&offset=100000").json();
        assertThat(beyond.path("items")).isEmpty();
        assertThat(beyond.path("total").asLong()).isGreaterThanOrEqualTo(5);

        TestHttp.Response updated = http.put("/api/v1/items/" + id, "{\"name\":\"renamed\"}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("name").asText()).isEqualTo("renamed");
        assertThat(updated.json().path("description").isNull()).isTrue();
        assertThat(updated.json().path("created_at").asText()).isEqualTo(created.json().path("created_at").asText());

        TestHttp.Response invalid = http.post("/api/v1/items", "{\"name\":\"\",\"colour\":\"red\"}");
        assertJsonError(invalid, 400, "invalid_item");
        assertThat(invalid.json().path("message").asText())
                .contains("colour: unknown field").contains("name: must be a non-empty string");
        assertJsonError(http.get("/api/v1/items?limit=1000"), 400, "invalid_query");
        assertJsonError(http.get("/api/v1/items/abc"), 400, "invalid_id");

        assertThat(http.delete("/api/v1/items/" + id).status()).isEqualTo(204);
        assertJsonError(http.get("/api/v1/items/" + id), 404, "not_found");
        assertJsonError(http.delete("/api/v1/items/" + id), 404, "not_found");
        assertJsonError(http.put("/api/v1/items/" + id, "{\"name\":\"x\"}"), 404, "not_found");
    }
}
