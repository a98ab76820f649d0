package dev.strata.sample.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach PostgreSQL. Built from {@code DATABASE_URL} ({@code postgres://user:pass@host:5432/db}
 * or {@code jdbc:postgresql://host:5432/db}) or from {@code DATABASE_HOST}/{@code _PORT}/{@code _NAME};
 * {@code DATABASE_USER} and {@code DATABASE_PASSWORD} override what the URL carries.
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolMax,
                               Duration connectTimeout, Duration healthInterval) {

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (poolMax < 1) {
            throw new SampleApiConfigException("database.pool.max (DATABASE_POOL_MAX): " + poolMax
                    + " is not a pool size; use 1 or more");
        }
    }

    /** Parses a {@code postgres://}, {@code postgresql://} or {@code jdbc:postgresql://} URL. */
    static Parsed parseUrl(String url) {
        String trimmed = url.trim();
        if (trimmed.startsWith("jdbc:postgresql://")) {
            return new Parsed(trimmed, "", "");
        }
        if (!trimmed.startsWith("postgres://") && !trimmed.startsWith("postgresql://")) {
            throw new SampleApiConfigException("database.url (DATABASE_URL): \"" + redact(trimmed)
                    + "\" is not a PostgreSQL URL; use postgres://user:password@host:5432/db"
                    + " or jdbc:postgresql://host:5432/db");
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new SampleApiConfigException("database.url (DATABASE_URL): cannot be parsed ("
                    + e.getMessage().replace(trimmed, redact(trimmed)) + "); percent-encode special characters");
        }
        if (uri.getHost() == null) {
            throw new SampleApiConfigException("database.url (DATABASE_URL): \"" + redact(trimmed)
                    + "\" names no host; use postgres://user:password@host:5432/db");
        }
        String user = "";
        String password = "";
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : "";
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new Parsed("jdbc:postgresql://" + uri.getHost() + ":" + port + path + query, user, password);
    }

    /** The URL with any password replaced, safe to log or show. */
    static String redact(String url) {
        return url.replaceAll("(://[^:/@]+):[^@/]*@", "$1:***@")
                .replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** Non-secret view for {@code GET /config}. */
    public Map<String, Object> describe() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("mode", "postgresql");
        view.put("url", redact(jdbcUrl));
        view.put("user", user);
        view.put("password_set", !password.isEmpty());
        view.put("pool_max", poolMax);
        view.put("connect_timeout_ms", connectTimeout.toMillis());
        view.put("health_interval_ms", healthInterval.toMillis());
        return view;
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + redact(jdbcUrl) + ", user=" + user + "]";
    }

    record Parsed(String jdbcUrl, String user, String password) {
    }
}
