package dev.strata.cluster.up;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** A short SHA-256 over a step's inputs. */
public final class Fingerprint {

    private Fingerprint() {
    }

    /** Every file of the rendered tree, path and content, in the tree's order: the inputs of the steps that publish it. */
    public static List<String> treeParts(Map<String, String> files) {
        List<String> parts = new ArrayList<>();
        files.forEach((path, content) -> {
            parts.add(path);
            parts.add(content);
        });
        return parts;
    }

    public static String of(String... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                d.update(p.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            return HexFormat.of().formatHex(d.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
