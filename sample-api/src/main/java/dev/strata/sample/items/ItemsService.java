package dev.strata.sample.items;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.strata.sample.http.ApiException;
import dev.strata.sample.http.ApiService;
import dev.strata.sample.http.BodyReader;
import dev.strata.sample.http.Json;
import dev.strata.sample.http.Routes;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

/**
 * {@code /api/v1/items}: create (POST, 201 + Location), list (GET, {@code ?limit=&offset=}),
 * read (GET /{id}), replace (PUT /{id}), delete (DELETE /{id}, 204).
 */
public final class ItemsService implements ApiService {

    public static final String BASE = "/api/v1/items";
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final ItemStore store;
    private final BodyReader bodies;

    public ItemsService(ItemStore store, BodyReader bodies) {
        this.store = store;
        this.bodies = bodies;
    }

    @Override
    public void routes(Routes routes) {
        routes.post(BASE, (req, res) -> {
            ItemDraft draft = ItemDraft.fromJson(bodies.readJson(req));
            Item item = guarded(() -> store.create(draft));
            res.header(HeaderNames.LOCATION, BASE + "/" + item.id());
            Json.send(res, Status.CREATED_201, item.toJson());
        });
        routes.get(BASE, (req, res) -> {
            int limit = (int) query(req, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
            long offset = query(req, "offset", 0, 0, Long.MAX_VALUE);
            Page page = guarded(() -> store.list(limit, offset));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", page.items().stream().map(Item::toJson).toList());
            body.put("limit", page.limit());
            body.put("offset", page.offset());
            body.put("total", page.total());
            Json.send(res, body);
        });
        routes.get(BASE + "/{id}", (req, res) -> {
            long id = id(req);
            Json.send(res, found(id, guarded(() -> store.find(id))).toJson());
        });
        routes.put(BASE + "/{id}", (req, res) -> {
            long id = id(req);
            ItemDraft draft = ItemDraft.fromJson(bodies.readJson(req));
            Json.send(res, found(id, guarded(() -> store.update(id, draft))).toJson());
        });
        routes.delete(BASE + "/{id}", (req, res) -> {
            long id = id(req);
            if (!guarded(() -> store.delete(id))) {
                throw ApiException.notFound("item " + id + " does not exist");
            }
            res.status(Status.NO_CONTENT_204).send();
        });
    }

    private static Item found(long id, Optional<Item> item) {
        return item.orElseThrow(() -> ApiException.notFound("item " + id + " does not exist"));
    }

    private static <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (StoreUnavailableException e) {
            throw ApiException.unavailable(e.getMessage() + "; retry shortly");
        }
    }

    private static long id(ServerRequest req) {
        String raw = req.path().pathParameters().get("id");
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest("invalid_id", "item id \"" + raw + "\" is not a positive whole number");
    }

    private static long query(ServerRequest req, String name, long fallback, long min, long max) {
        Optional<String> raw = req.query().first(name).asOptional();
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest("invalid_query", name + "=" + raw.get() + " is not a whole number from "
                + min + " to " + (max == Long.MAX_VALUE ? "any" : Long.toString(max)));
    }
}
