package dev.strata.sample.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.helidon.common.uri.UriPath;
import io.helidon.http.Method;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;

/**
 * Registers routes on the Helidon routing and remembers them, so that a request for a known
 * path with another method gets 405 with {@code Allow} instead of 404.
 */
public final class Routes {

    private final HttpRouting.Builder routing;
    private final List<Known> known = new ArrayList<>();

    public Routes(HttpRouting.Builder routing) {
        this.routing = routing;
    }

    public Routes get(String pattern, Handler handler) {
        return add(Method.GET, pattern, handler);
    }

    public Routes post(String pattern, Handler handler) {
        return add(Method.POST, pattern, handler);
    }

    public Routes put(String pattern, Handler handler) {
        return add(Method.PUT, pattern, handler);
    }

    public Routes delete(String pattern, Handler handler) {
        return add(Method.DELETE, pattern, handler);
    }

    private Routes add(Method method, String pattern, Handler handler) {
        routing.route(method, pattern, handler);
        known.add(new Known(method, PathMatchers.create(pattern)));
        return this;
    }

    /** Methods registered for a path; empty when no route matches it at all. */
    public Set<String> allowedMethods(UriPath path) {
        Set<String> methods = new LinkedHashSet<>();
        for (Known route : known) {
            if (route.matcher().match(path).accepted()) {
                methods.add(route.method().text());
            }
        }
        return methods;
    }

    private record Known(Method method, PathMatcher matcher) {
    }
}
