package dev.strata.charts;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChartArchiveTest {

    @TempDir
    Path dir;

    @Test
    void readsTheChartItHoldsAndUnpacksIt() throws IOException {
        Path archive = TestCharts.chart("web", "1.2.3").file("templates/cm.yaml", "kind: ConfigMap\n").pack(dir);
        assertThat(ChartArchive.metadata(archive)).isEqualTo(new ChartArchive.Metadata("web", "1.2.3", java.util.Optional.of("1.0")));
        Path out = Files.createDirectory(dir.resolve("out"));
        Path chart = ChartArchive.extract(archive, out);
        assertThat(chart).isEqualTo(out.resolve("web"));
        assertThat(Files.readString(chart.resolve("templates/cm.yaml"))).isEqualTo("kind: ConfigMap\n");
    }

    @Test
    void packingTheSameDirectoryTwiceGivesTheSameBytes() throws IOException {
        Path a = TestCharts.chart("web", "1.0.0").file("templates/a.yaml", "a: 1\n").pack(Files.createDirectory(dir.resolve("a")));
        Path b = TestCharts.chart("web", "1.0.0").file("templates/a.yaml", "a: 1\n").pack(Files.createDirectory(dir.resolve("b")));
        assertThat(ChartArchive.sha256(a)).isEqualTo(ChartArchive.sha256(b));
    }

    @Test
    void anEntryThatLeavesTheArchiveIsRefused() throws IOException {
        Path evil = tar("evil.tgz", "web/Chart.yaml", "name: web\nversion: 1.0.0\n", "web/../../etc/passwd", "x");
        Path out = Files.createDirectory(dir.resolve("out"));
        assertThatThrownBy(() -> ChartArchive.extract(evil, out)).isInstanceOf(ChartException.class)
                .hasMessageContaining("points outside the archive");
        assertThat(dir.resolve("etc")).doesNotExist();
    }

    @Test
    void twoTopLevelDirectoriesAreNotAChart() throws IOException {
        Path two = tar("two.tgz", "a/Chart.yaml", "name: a\nversion: 1.0.0\n", "b/Chart.yaml", "name: b\nversion: 1.0.0\n");
        assertThatThrownBy(() -> ChartArchive.metadata(two)).hasMessageContaining("more than one top-level entry (a, b)");
    }

    @Test
    void aFileThatIsNotAGzippedTarSaysSo() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.tgz"), "<html>not found</html>");
        assertThatThrownBy(() -> ChartArchive.metadata(junk)).isInstanceOf(ChartException.class)
                .hasMessageContaining("junk.tgz: not a gzipped tar archive");
    }

    private Path tar(String name, String... pathsAndContents) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            for (int i = 0; i < pathsAndContents.length; i += 2) {
                byte[] body = pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(pathsAndContents[i], true);
                e.setSize(body.length);
                tar.putArchiveEntry(e);
                tar.write(body);
                tar.closeArchiveEntry();
            }
        }
        return file;
    }
}
