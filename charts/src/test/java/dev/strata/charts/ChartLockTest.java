package dev.strata.charts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChartLockTest {

    @TempDir
    Path dir;

    private final ChartRef web = ChartRef.helm("https://charts.example.org", "web", "1.0.0");
    private final ChartRef crds = ChartRef.git("https://github.com/example/crds", "crds", "v1.0.0", "config/crd");

    @Test
    void writesSortedEntriesAndReadsThemBack() {
        ChartLock lock = ChartLock.empty().with(web, "sha256:bb").with(crds, "sha256:aa");
        Path file = dir.resolve(ChartLock.FILE_NAME);
        lock.write(file);
        assertThat(file).content().isEqualTo("""
                # Written by strata charts pull: the sha256 of every chart archive this platform installs.
                # An archive whose digest differs from its entry here is refused. Commit this file with the tree.
                apiVersion: strata.dev/v1alpha1
                kind: ChartLock
                charts:
                  - name: crds
                    version: v1.0.0
                    repository: https://github.com/example/crds
                    path: config/crd
                    digest: sha256:aa
                  - name: web
                    version: 1.0.0
                    repository: https://charts.example.org
                    digest: sha256:bb
                """);
        ChartLock back = ChartLock.read(file);
        assertThat(back.digest(web)).contains("sha256:bb");
        assertThat(back.digest(crds)).contains("sha256:aa");
    }

    @Test
    void chartsThePlatformNoLongerUsesLeaveTheLock() {
        ChartLock lock = ChartLock.empty().with(web, "sha256:bb").with(crds, "sha256:aa").retain(List.of(web));
        assertThat(lock.entries()).extracting(ChartLock.Entry::name).containsExactly("web");
    }

    @Test
    void aFileThatIsNotALockIsNotTakenForOne() throws IOException {
        Path file = Files.writeString(dir.resolve(ChartLock.FILE_NAME), "apiVersion: v2\nkind: Something\n");
        assertThatThrownBy(() -> ChartLock.read(file)).hasMessageContaining("not a chart lock (kind: ChartLock)");
        assertThat(ChartLock.read(dir.resolve("missing.lock")).entries()).isEmpty();
    }
}
