package dev.strata.charts.fetch;

import dev.strata.charts.ChartException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** GETs with a timeout, redirects followed, bodies bounded: what every fetcher needs of HTTP. */
final class Http {

    static final long MAX_BODY = 128L << 20;

    private final HttpClient client;
    private final Duration timeout;

    Http(Duration timeout) {
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    record Response(int status, byte[] body, Map<String, List<String>> headers) {
        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    Response get(String url, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET()
                .header("User-Agent", "strata");
        headers.forEach(b::header);
        try {
            HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                byte[] body = in.readNBytes((int) Math.min(MAX_BODY + 1, Integer.MAX_VALUE - 8));
                if (body.length > MAX_BODY) {
                    throw new ChartException(url + ": response larger than " + (MAX_BODY >> 20) + " MiB");
                }
                return new Response(r.statusCode(), body, r.headers().map());
            }
        } catch (IOException e) {
            throw new ChartException(url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + " (is the network reachable? on a machine without it, use --from DIR)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChartException(url + ": interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new ChartException(url + ": not a valid URL", e);
        }
    }

    /** The body of a 200 response; anything else is an error naming the URL and the status. */
    byte[] body(String url, Map<String, String> headers) {
        Response r = get(url, headers);
        if (r.status() != 200) {
            throw new ChartException(url + ": HTTP " + r.status());
        }
        return r.body();
    }
}
