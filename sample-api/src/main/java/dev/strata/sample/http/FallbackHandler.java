package dev.strata.sample.http;

import java.util.Map;
import java.util.Set;

import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Last route: 405 (with {@code Allow}) for a known path with another method, JSON 404 otherwise. */
public final class FallbackHandler implements Handler {

    /** The route label used in metrics and logs for requests no route matched. */
    public static final String UNMATCHED = "unmatched";

    private final Routes routes;

    public FallbackHandler(Routes routes) {
        this.routes = routes;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        req.context().register(new RouteLabel(UNMATCHED));
        Set<String> allowed = routes.allowedMethods(req.path().absolute());
        String method = req.prologue().method().text();
        String path = req.path().path();
        if (allowed.isEmpty()) {
            throw ApiException.notFound("no route for " + method + " " + path);
        }
        throw new ApiException(Status.METHOD_NOT_ALLOWED_405, "method_not_allowed",
                method + " is not allowed on " + path + "; allowed: " + String.join(", ", allowed),
                Map.of("Allow", String.join(", ", allowed)));
    }

    /** Marks a request as answered by the fallback. */
    public record RouteLabel(String value) {
    }
}
