package dev.strata.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Same spec → byte-identical tree, across processes: a second JVM renders every profile and its
 * files must equal this JVM's, byte for byte. The second JVM runs with {@code -XX:hashCode=2}
 * (every identity hash the same), so iteration over a HashMap or HashSet keyed by enums or other
 * identity-hashed objects comes out in another order there; a render that leaks such an order
 * into a file fails here, where rendering twice in one JVM would not notice.
 */
class DeterminismIT {

    @TempDir
    Path dir;

    @Test
    void anotherJvmRendersEveryProfileToTheSameBytes() throws Exception {
        List<String> profiles = RenderFixtures.profiles();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UnlockExperimentalVMOptions", "-XX:hashCode=2",
                "-cp", System.getProperty("java.class.path"), RenderProfilesTo.class.getName(), dir.toString()));
        command.addAll(profiles);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("fork.log").toFile()).start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("the second JVM finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("fork.log"))).isZero();

        for (String profile : profiles) {
            Map<String, String> here = new TreeMap<>(RenderFixtures.tree(profile).files());
            Map<String, String> there = read(dir.resolve(profile));
            assertThat(there.keySet()).as("files of %s", profile).containsExactlyElementsOf(here.keySet());
            here.forEach((path, text) -> assertThat(there.get(path)).as("%s/%s", profile, path).isEqualTo(text));
        }
    }

    private static Map<String, String> read(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
