package dev.strata.spec.yaml;

import dev.strata.spec.Problem;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Collects problems while a document is read, so that all of them are reported at once. */
public final class Problems {

    private final String defaultFile;
    private final List<Problem> list = new ArrayList<>();

    public Problems(String defaultFile) {
        this.defaultFile = defaultFile;
    }

    public void add(Node at, String path, String message) {
        add(at == null ? Optional.empty() : at.getStartMark(), path, message);
    }

    public void add(Optional<Mark> mark, String path, String message) {
        String file = mark.map(Mark::getName).filter(n -> !n.isEmpty() && !"reader".equals(n)).orElse(defaultFile);
        int line = mark.map(m -> m.getLine() + 1).orElse(0);
        list.add(new Problem(file, line, path, message));
    }

    public void add(Problem p) {
        list.add(p);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    /** Problems in file order, then line order: the order a person reads them. */
    public List<Problem> sorted() {
        return list.stream().distinct()
                .sorted(Comparator.comparing(Problem::file).thenComparingInt(Problem::line).thenComparing(Problem::path))
                .toList();
    }
}
