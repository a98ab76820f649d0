package dev.strata.check.load.argo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.Arrays;

/** The checked tree as an ApplicationSet's git generators see the repository: paths relative to its root. */
public final class TreeRepo implements ApplicationSets.Repo {

    private final Path root;
    private final List<Map<String, Object>> clusterSecrets;

    public TreeRepo(Path root, List<Map<String, Object>> clusterSecrets) {
        this.root = root;
        this.clusterSecrets = List.copyOf(clusterSecrets);
    }

    @Override
    public List<String> directories() {
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isDirectory).filter(d -> !d.equals(root)).map(d -> root.relativize(d).toString().replace('\\', '/'))
                    .filter(rel -> Arrays.stream(rel.split("/")).noneMatch(s -> s.startsWith(".")))
                    .sorted().forEach(out::add);
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    @Override
    public List<String> files() {
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(rel -> !rel.startsWith(".git/")).sorted().forEach(out::add);
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    @Override
    public Optional<String> read(String relative) {
        try {
            return Optional.of(Files.readString(root.resolve(relative)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<Map<String, Object>> clusterSecrets() {
        return clusterSecrets;
    }
}
