package dev.strata.cluster.up;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.strata.cluster.ClusterException;
import dev.strata.yaml.AtomicWrite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code up} has finished, per step, with the fingerprint of the inputs it finished with
 * ({@code .strata/local/up-state.json} next to the spec, never committed). A step whose inputs are unchanged is not run
 * again; an interrupted run resumes at the first step that is not recorded. Written through a
 * temporary file and a rename, so a crash never leaves half a file.
 */
public final class UpState {

    public static final String FILE = ".strata/local/up-state.json";
    /** Where earlier versions kept it (in the committed half of .strata/); read once and moved. */
    static final String OLD_FILE = ".strata/up-state.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Data data;

    private UpState(Path file, Data data) {
        this.file = file;
        this.data = data;
    }

    public static UpState load(Path specDir) {
        Path f = specDir.resolve(FILE);
        Path old = specDir.resolve(OLD_FILE);
        if (!Files.exists(f) && Files.isRegularFile(old)) {
            try {
                Files.createDirectories(f.getParent());
                Files.move(old, f);
            } catch (IOException e) {
                throw new ClusterException("moving " + old + " to " + f + ": " + e.getMessage());
            }
        }
        if (!Files.isRegularFile(f)) {
            return new UpState(f, new Data());
        }
        try {
            return new UpState(f, JSON.readValue(f.toFile(), Data.class));
        } catch (IOException e) {
            throw new ClusterException("reading " + f + ": " + e.getMessage() + "; delete it to start over (up re-checks every step)");
        }
    }

    public boolean done(String step, String fingerprint) {
        StepRecord r = data.steps.get(step);
        return r != null && r.fingerprint.equals(fingerprint);
    }

    public void markDone(String step, String fingerprint, double seconds) {
        StepRecord r = new StepRecord();
        r.fingerprint = fingerprint;
        r.seconds = seconds;
        data.steps.put(step, r);
        if (data.failed != null && data.failed.step.equals(step)) {
            data.failed = null;
        }
        save();
    }

    public void markFailed(String step, String message) {
        Failure f = new Failure();
        f.step = step;
        f.message = message;
        data.failed = f;
        save();
    }

    public void clearFailure(String step) {
        if (data.failed != null && data.failed.step.equals(step)) {
            data.failed = null;
            save();
        }
    }

    public Optional<String> failedStep() {
        return Optional.ofNullable(data.failed).map(f -> f.step);
    }

    /** Forgets every step except those named: the cluster is gone, so everything on it is too. */
    public void forgetAllBut(Set<String> keep) {
        if (data.steps.keySet().removeIf(k -> !keep.contains(k))) {
            save();
        }
    }

    public void putNote(String key, String value) {
        data.notes.put(key, value);
        save();
    }

    public Optional<String> note(String key) {
        return Optional.ofNullable(data.notes.get(key));
    }

    /**
     * The images the platform's pods run, as the prove step found them in the rendered charts; kept
     * here, so that a later run whose prove step is unchanged still knows them.
     */
    public List<String> images() {
        return note(IMAGES).filter(s -> !s.isBlank()).map(s -> List.of(s.split(" "))).orElse(List.of());
    }

    public void images(List<String> images) {
        putNote(IMAGES, String.join(" ", images));
    }

    private static final String IMAGES = "images";

    public Map<String, Double> durations() {
        Map<String, Double> m = new LinkedHashMap<>();
        data.steps.forEach((k, v) -> m.put(k, v.seconds));
        return m;
    }

    private void save() {
        try {
            AtomicWrite.write(file, JSON.writeValueAsBytes(data));
        } catch (IOException | UncheckedIOException e) {
            throw new ClusterException("writing " + file + ": " + e.getMessage());
        }
    }

    /** The JSON shape. */
    public static final class Data {
        public int version = 1;
        public Map<String, StepRecord> steps = new LinkedHashMap<>();
        public Failure failed;
        public Map<String, String> notes = new LinkedHashMap<>();
    }

    public static final class StepRecord {
        public String fingerprint = "";
        public double seconds;
    }

    public static final class Failure {
        public String step = "";
        public String message = "";
    }
}
