package dev.strata.charts.fetch;

import dev.strata.charts.ChartException;
import dev.strata.charts.ChartRef;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;

/**
 * A Helm chart repository over HTTP: {@code index.yaml} names every version's archive URL (absolute
 * or relative to the repository) and usually its sha256 digest, which the download must match.
 */
public final class HttpRepository implements Fetcher {

    private final Http http;

    public HttpRepository(Duration timeout) {
        this.http = new Http(timeout);
    }

    @Override
    public Fetched fetch(ChartRef ref) {
        String base = ref.repository().endsWith("/") ? ref.repository() : ref.repository() + "/";
        String indexUrl = base + "index.yaml";
        Map<?, ?> index = parse(http.body(indexUrl, Map.of()), indexUrl);
        Map<?, ?> entries = index.get("entries") instanceof Map<?, ?> m ? m : Map.of();
        List<?> versions = entries.get(ref.name()) instanceof List<?> l ? l : List.of();
        if (versions.isEmpty()) {
            throw new ChartException(indexUrl + " has no chart named " + ref.name());
        }
        Map<?, ?> entry = versions.stream().filter(v -> v instanceof Map<?, ?> vm && ref.version().equals(String.valueOf(vm.get("version"))))
                .map(v -> (Map<?, ?>) v).findFirst()
                .orElseThrow(() -> new ChartException(indexUrl + " has no version " + ref.version() + " of " + ref.name()
                        + "; newest listed: " + versions.stream().limit(3).map(v -> v instanceof Map<?, ?> vm ? String.valueOf(vm.get("version")) : "?")
                        .reduce((a, b) -> a + ", " + b).orElse("none")));
        List<?> urls = entry.get("urls") instanceof List<?> u ? u : List.of();
        if (urls.isEmpty()) {
            throw new ChartException(indexUrl + ": " + ref.name() + " " + ref.version() + " lists no download URL");
        }
        String url = URI.create(base).resolve(String.valueOf(urls.getFirst())).toString();
        byte[] archive = http.body(url, Map.of());
        Optional<String> digest = Optional.ofNullable(entry.get("digest")).map(String::valueOf).filter(d -> !d.isBlank())
                .map(d -> d.startsWith("sha256:") ? d : "sha256:" + d);
        return new Fetched(archive, digest, url);
    }

    private static Map<?, ?> parse(byte[] body, String url) {
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(url).setCodePointLimit(Integer.MAX_VALUE)
                    .setMaxAliasesForCollections(50).build();
            Object doc = new Load(settings).loadFromString(new String(body, StandardCharsets.UTF_8));
            if (doc instanceof Map<?, ?> m) {
                return m;
            }
        } catch (RuntimeException e) {
            throw new ChartException(url + ": not a chart repository index (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        throw new ChartException(url + ": not a chart repository index");
    }
}
