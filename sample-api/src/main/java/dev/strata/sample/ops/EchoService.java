package dev.strata.sample.ops;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.strata.sample.http.ApiService;
import dev.strata.sample.http.BodyReader;
import dev.strata.sample.http.Json;
import dev.strata.sample.http.Routes;

/** {@code POST /echo}: returns the JSON document it was sent. */
public final class EchoService implements ApiService {

    private final BodyReader bodies;
    private final Clock clock;

    public EchoService(BodyReader bodies, Clock clock) {
        this.bodies = bodies;
        this.clock = clock;
    }

    @Override
    public void routes(Routes routes) {
        routes.post("/echo", (req, res) -> {
            JsonNode data = bodies.readJson(req);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("message", "echo received");
            body.put("data", data);
            body.put("timestamp", clock.instant().toString());
            Json.send(res, body);
        });
    }
}
