package dev.strata.cluster.tools;

import dev.strata.cluster.ClusterException;

import java.util.Locale;

/** The {@code os} and {@code arch} names release assets use: linux/darwin/windows, amd64/arm64. */
public record HostPlatform(String os, String arch) {

    public static HostPlatform current() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String o = os.contains("linux") ? "linux" : os.contains("mac") || os.contains("darwin") ? "darwin" : os.contains("win") ? "windows" : "";
        String a = switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> "";
        };
        if (o.isEmpty() || a.isEmpty()) {
            throw new ClusterException("no published binaries for " + os + "/" + arch + "; install the tool yourself and put it on PATH");
        }
        return new HostPlatform(o, a);
    }
}
