package dev.strata.charts.fetch;

import dev.strata.charts.ChartArchive;
import dev.strata.charts.ChartException;
import dev.strata.charts.ChartRef;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chart in an OCI registry, as {@code helm pull oci://...} reads it through the distribution API:
 * the manifest of tag {@code <version>} (with {@code +} written {@code _}), its layer of media type
 * {@code application/vnd.cncf.helm.chart.content.v1.tar+gzip}, then that blob, whose sha256 must be
 * its digest. Anonymous pulls get a bearer token from the realm the registry's 401 names (ghcr.io,
 * Docker Hub). Loopback registries are spoken to over plain HTTP, like Docker's insecure localhost.
 */
public final class OciRegistry implements Fetcher {

    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String CHART_LAYER = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final Http http;

    public OciRegistry(Duration timeout) {
        this.http = new Http(timeout);
    }

    @Override
    public Fetched fetch(ChartRef ref) {
        String rest = ref.repository().substring("oci://".length()).replaceAll("/+$", "");
        int slash = rest.indexOf('/');
        String host = slash < 0 ? rest : rest.substring(0, slash);
        String repo = (slash < 0 ? "" : rest.substring(slash + 1) + "/") + ref.name();
        String scheme = loopback(host) ? "http" : "https";
        String base = scheme + "://" + host + "/v2/" + repo;
        Map<String, String> auth = new HashMap<>();
        String manifestUrl = base + "/manifests/" + ref.version().replace('+', '_');
        Http.Response m = authorized(manifestUrl, Map.of("Accept", MANIFEST), auth);
        if (m.status() == 404) {
            throw new ChartException(manifestUrl + ": no tag " + ref.version() + " of " + host + "/" + repo);
        }
        if (m.status() != 200) {
            throw new ChartException(manifestUrl + ": HTTP " + m.status());
        }
        String digest = chartLayer(json(m.body(), manifestUrl), manifestUrl);
        String blobUrl = base + "/blobs/" + digest;
        Http.Response b = authorized(blobUrl, Map.of(), auth);
        if (b.status() != 200) {
            throw new ChartException(blobUrl + ": HTTP " + b.status());
        }
        String actual = ChartArchive.sha256(b.body());
        if (!actual.equals(digest)) {
            throw new ChartException(blobUrl + ": the blob's sha256 is " + actual + ", not the digest " + digest + " it is stored under");
        }
        return new Fetched(b.body(), Optional.of(digest), host + "/" + repo + ":" + ref.version());
    }

    /** GET, and on a 401 with a Bearer challenge, fetch an anonymous token once and retry. */
    private Http.Response authorized(String url, Map<String, String> headers, Map<String, String> auth) {
        Map<String, String> h = new HashMap<>(headers);
        h.putAll(auth);
        Http.Response r = http.get(url, h);
        if (r.status() != 401 || !auth.isEmpty()) {
            return r;
        }
        String challenge = r.header("WWW-Authenticate").orElse("");
        if (!challenge.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ChartException(url + ": the registry asks for credentials (" + challenge + "); Strata pulls anonymously");
        }
        Map<String, String> p = new HashMap<>();
        Matcher mt = PARAM.matcher(challenge);
        while (mt.find()) {
            p.put(mt.group(1), mt.group(2));
        }
        String realm = p.getOrDefault("realm", "");
        if (realm.isEmpty()) {
            throw new ChartException(url + ": the registry's challenge names no token realm");
        }
        StringBuilder tokenUrl = new StringBuilder(realm);
        char sep = realm.contains("?") ? '&' : '?';
        for (String k : List.of("service", "scope")) {
            if (p.containsKey(k)) {
                tokenUrl.append(sep).append(k).append('=').append(URLEncoder.encode(p.get(k), StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        Map<?, ?> token = json(http.body(tokenUrl.toString(), Map.of()), tokenUrl.toString());
        Object t = token.get("token") != null ? token.get("token") : token.get("access_token");
        if (t == null) {
            throw new ChartException(tokenUrl + ": no token in the answer");
        }
        auth.put("Authorization", "Bearer " + t);
        h.putAll(auth);
        return http.get(url, h);
    }

    private static String chartLayer(Map<?, ?> manifest, String url) {
        if (manifest.get("layers") instanceof List<?> layers) {
            for (Object l : layers) {
                if (l instanceof Map<?, ?> layer && CHART_LAYER.equals(layer.get("mediaType")) && layer.get("digest") != null) {
                    return String.valueOf(layer.get("digest"));
                }
            }
        }
        throw new ChartException(url + ": the manifest has no Helm chart layer (" + CHART_LAYER + "); is this a chart?");
    }

    private static Map<?, ?> json(byte[] body, String url) {
        try {
            Object doc = new Load(LoadSettings.builder().setLabel(url).build()).loadFromString(new String(body, StandardCharsets.UTF_8));
            if (doc instanceof Map<?, ?> m) {
                return m;
            }
        } catch (RuntimeException e) {
            throw new ChartException(url + ": not JSON", e);
        }
        throw new ChartException(url + ": not a JSON object");
    }

    static boolean loopback(String host) {
        String h = host.contains(":") && !host.startsWith("[") ? host.substring(0, host.lastIndexOf(':')) : host;
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]");
    }
}
