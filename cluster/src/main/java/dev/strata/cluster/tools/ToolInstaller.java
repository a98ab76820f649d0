package dev.strata.cluster.tools;

import dev.strata.catalog.Tool;
import dev.strata.cluster.ClusterException;
import dev.strata.yaml.AtomicWrite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches a pinned tool release (kind, talosctl) into Strata's cache ({@code ~/.cache/strata/bin})
 * and checks it against the release's published SHA-256 before it becomes executable. A
 * mismatch leaves nothing behind: the download lives in a temporary file until it is verified.
 */
public final class ToolInstaller {

    private static final Pattern HEX = Pattern.compile("\\b([0-9a-fA-F]{64})\\b");
    private final HttpClient http;
    private final Path binDir;
    private final HostPlatform platform;

    public ToolInstaller(HttpClient http, Path binDir, HostPlatform platform) {
        this.http = http;
        this.binDir = binDir;
        this.platform = platform;
    }

    public static ToolInstaller standard(Path binDir) {
        return new ToolInstaller(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(20)).build(),
                binDir, HostPlatform.current());
    }

    /** Installs the tool; returns the executable's path. */
    public Path install(Tool tool) {
        String download = expand(tool.download().orElseThrow(() -> new ClusterException(tool.name() + ": the catalog has no download URL for it")), tool);
        String checksumUrl = expand(tool.checksum().orElseThrow(() -> new ClusterException(tool.name() + ": the catalog has no checksum URL for it; refusing an unverified download")), tool);
        String asset = download.substring(download.lastIndexOf('/') + 1);
        String expected = expectedSha256(fetchText(checksumUrl), asset)
                .orElseThrow(() -> new ClusterException(tool.name() + " " + tool.version() + ": no SHA-256 for " + asset + " in " + checksumUrl));
        Path target = binDir.resolve(tool.name() + (platform.os().equals("windows") ? ".exe" : ""));
        try {
            // Downloaded beside the target, checked, then renamed into place: a failed or tampered
            // download never replaces a working binary.
            AtomicWrite.writeExecutable(target, tmp -> {
                String actual = download(download, tmp);
                if (!actual.equalsIgnoreCase(expected)) {
                    throw new ClusterException(tool.name() + " " + tool.version() + ": checksum mismatch for " + download
                            + ": published " + expected + ", downloaded " + actual + "; nothing was installed");
                }
            });
            return target;
        } catch (UncheckedIOException e) {
            throw new ClusterException("installing " + tool.name() + " into " + binDir + ": " + why(e.getCause()));
        }
    }

    /** The SHA-256 for {@code asset}: the line naming it, or a bare hash that names no file at all. */
    static Optional<String> expectedSha256(String checksumFile, String asset) {
        Optional<String> bare = Optional.empty();
        for (String line : checksumFile.split("\n")) {
            Matcher m = HEX.matcher(line);
            if (!m.find()) {
                continue;
            }
            String name = line.substring(m.end()).strip().replaceFirst("^\\*", "");
            if (name.equals(asset) || name.endsWith("/" + asset)) {
                return Optional.of(m.group(1).toLowerCase());
            }
            if (name.isEmpty()) {
                bare = Optional.of(m.group(1).toLowerCase());
            }
        }
        return bare;
    }

    private String expand(String template, Tool tool) {
        return template.replace("{version}", tool.version()).replace("{os}", platform.os()).replace("{arch}", platform.arch());
    }

    private String fetchText(String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new ClusterException("fetching " + url + ": HTTP " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new ClusterException("fetching " + url + ": " + why(e) + " (is this machine online? --install-tools needs to reach the release once)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while fetching " + url);
        }
    }

    private String download(String url, Path to) throws IOException {
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                r.body().close();
                throw new ClusterException("downloading " + url + ": HTTP " + r.statusCode());
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(r.body(), sha)) {
                Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while downloading " + url);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An I/O failure in words: its message, or what it is when it has none (a refused connection, an unknown host). */
    static String why(IOException e) {
        String m = e.getMessage();
        String kind = switch (e) {
            case ConnectException c -> "connection refused";
            case UnknownHostException u -> "unknown host " + (m == null ? "" : m);
            case HttpTimeoutException t -> "timed out";
            default -> e.getClass().getSimpleName();
        };
        return m == null || m.isBlank() || e instanceof UnknownHostException ? kind.strip() : m;
    }
}
