package dev.strata.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's test command, {@code ./mvnw -B verify}, on a machine whose default JDK is older than
 * 21: the wrapper picks a JDK 21+ itself, or stops in one line saying what to install. Runs the
 * real script ({@code ./mvnw -v}, offline: the Maven distribution is already in place once the build
 * that runs this test has started).
 */
class MavenWrapperIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** A JDK home that says it is 17 (the script reads its {@code release} file). */
    private static Path oldJdk(Path dir) throws IOException {
        Path home = Files.createDirectories(dir.resolve("jdk-17"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.12\"\n");
        return home;
    }

    private static String[] run(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "mvnw", "-v").directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String[] {String.valueOf(p.exitValue()), out};
    }

    @Test
    void withAnOlderDefaultJdkTheWrapperUsesAJdk21PlusItFindsAndSaysWhich(@TempDir Path dir) throws Exception {
        String current = System.getProperty("java.home");
        String[] r = run(Map.of("JAVA_HOME", oldJdk(dir).toString(), "STRATA_JDKS", current));
        assertThat(r[0]).as(r[1]).isEqualTo("0");
        assertThat(r[1]).contains("mvnw: the default JDK is 17; Strata builds with JDK 21+, using " + current)
                .contains("Java version: " + Runtime.version().feature());
    }

    @Test
    void withNoJdk21AnywhereItStopsAtOnceWithOneLineSayingWhatToInstall(@TempDir Path dir) throws Exception {
        String[] r = run(Map.of("JAVA_HOME", oldJdk(dir).toString(), "STRATA_JDKS", ""));
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[1].strip()).isEqualTo("mvnw: Strata builds with JDK 21 or newer, and the JDK found is 17: "
                + "install a JDK 21+ (e.g. Temurin 21) and set JAVA_HOME to it");
    }
}
