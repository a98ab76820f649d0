package dev.strata.check.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What operators create for their custom resources (data: {@code operator-objects.txt}, each line
 * from the operator's documentation), so that a Service or Secret an operator makes — CloudNativePG's
 * {@code <cluster>-rw} and {@code <cluster>-app} — is known to exist, never reported missing.
 */
public final class OperatorObjects {

    private record Made(String kind, String pattern) {
    }

    private static final Map<String, List<Made>> BY_GROUP_KIND = load();

    private OperatorObjects() {
    }

    /** {@code kind\0namespace\0name} of every object the operators of these resources create. */
    static Set<String> madeFor(List<Resource> resources) {
        Set<String> out = new HashSet<>();
        for (Resource r : resources) {
            List<Made> made = BY_GROUP_KIND.get(r.group() + "/" + r.kind());
            if (made != null) {
                made.forEach(m -> out.add(m.kind() + "\u0000" + r.namespace() + "\u0000" + m.pattern().replace("{name}", r.name())));
            }
        }
        return out;
    }

    private static Map<String, List<Made>> load() {
        Map<String, List<Made>> out = new HashMap<>();
        try (InputStream in = OperatorObjects.class.getResourceAsStream("/dev/strata/check/operator-objects.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] head = line.split("\\s+", 2);
                List<Made> made = new ArrayList<>();
                for (String item : head[1].split(",")) {
                    String[] kn = item.strip().split("\\s+");
                    made.add(new Made(kn[0], kn[1]));
                }
                out.put(head[0], made);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
