package dev.strata.cluster.fakes;

import dev.strata.catalog.Catalog;
import dev.strata.cluster.Seams;
import dev.strata.cluster.git.GitRepo;
import dev.strata.cluster.kube.AppStatus;
import dev.strata.cluster.up.ConsoleProgress;
import dev.strata.cluster.up.KindProvisioner;
import dev.strata.cluster.up.PlatformProof;
import dev.strata.cluster.up.UpContext;
import dev.strata.cluster.up.UpOptions;
import dev.strata.cluster.up.UpState;
import dev.strata.spec.PlatformSpec;
import dev.strata.spec.Profiles;
import dev.strata.spec.SpecLoader;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A lab for pipeline tests: a spec in a temporary directory and a complete set of fakes. */
public final class Lab {

    public static final Catalog CATALOG = Catalog.bundled();
    public final Path dir;
    public String specText;
    public final FakeRunner runner;
    public final FakeKube kube = new FakeKube();
    public final FakeHelm helm = new FakeHelm();
    public final FakePublisher publisher = new FakePublisher();
    public final FakeTicker ticker = new FakeTicker();
    public final FakeHost host = new FakeHost();
    public final List<String> questions = new ArrayList<>();
    public final List<String> journal = new ArrayList<>();
    public boolean answer = true;
    /** What the proof (charts pull + check --deep) finds; none by default. */
    public List<String> proofErrors = new ArrayList<>();
    public int proofs;
    /** The images the proof finds in the rendered charts. */
    public List<String> proofImages = List.of("docker.io/grafana/grafana:12.3.0", "quay.io/argoproj/argocd:v3.4.4",
            "quay.io/cilium/cilium:v1.20.0@sha256:1a2b3c");
    /** A sample API image archive, as jib:buildTar leaves it (its content is never read: kind is a fake). */
    public final Path imageArchive;
    public UpOptions options;
    public StringWriter output = new StringWriter();

    public Lab(Path dir, String profile, UnaryOperator<String> edit) {
        this.dir = dir;
        try {
            this.imageArchive = Files.createTempFile("sample-api-image-", ".tar");
            imageArchive.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.options = new UpOptions(false, Duration.ofMinutes(20), Optional.of(imageArchive));
        this.specText = edit.apply(Profiles.text(profile).orElseThrow());
        this.runner = FakeRunner.healthyKind(false, spec().cluster().name());
        kube.journal = journal;
        helm.journal = journal;
        write();
        // Argo CD reports every Application of the tree Synced and Healthy at the last commit, once the root exists.
        kube.applications = () -> !kube.objects.containsKey("Application/argocd/root") ? List.of() : appNames().stream()
                .map(n -> new AppStatus(n, 0, "Synced", "Healthy", "", List.of(), List.of(head()))).toList();
    }

    /** The commit Argo CD is synced to in this fake: whatever up committed last. */
    public String head() {
        return GitRepo.enclosingWorkTree(dir).flatMap(p -> new GitRepo(p).head()).orElse("");
    }

    private String namesFor = "";
    private List<String> names = List.of();

    /** The Applications the current spec's tree defines. */
    public List<String> appNames() {
        if (!namesFor.equals(specText)) {
            names = new UpContext(spec(), dir, seams(), options, UpState.load(dir), new ConsoleProgress(new PrintWriter(new StringWriter()), false)).applications().names();
            namesFor = specText;
        }
        return names;
    }

    public PlatformSpec spec() {
        return SpecLoader.bundled().parse("platform.yaml", specText);
    }

    public void edit(UnaryOperator<String> f) {
        specText = f.apply(specText);
        write();
    }

    private void write() {
        try {
            Files.writeString(dir.resolve("platform.yaml"), specText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Seams seams() {
        return new Seams(runner, ctx -> kube, ctx -> helm, publisher, ticker, host, q -> {
            questions.add(q);
            return answer;
        }, CATALOG, (specDir, plan, info) -> {
            proofs++;
            journal.add("prove");
            try {
                Files.writeString(specDir.resolve("charts.lock"), "# fake lock " + plan.releases().size() + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            info.accept("✓ " + plan.releases().size() + " charts (fake)");
            return new PlatformProof.Result(plan.releases().size(), 100, proofErrors, 3, proofImages);
        });
    }

    /** A fresh context, as a new `strata up` run builds it (state re-read from disk). */
    public UpContext context() {
        output = new StringWriter();
        UpContext ctx = new UpContext(spec(), dir, seams(), options, UpState.load(dir), new ConsoleProgress(new PrintWriter(output, true), false));
        String kindConfig = KindProvisioner.configPath(spec().cluster().name());
        if (!ctx.tree().contains(kindConfig)) {
            // The cluster generator lands on another branch; until then the tests bring their own config.
            ctx.tree().put(kindConfig, "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n- role: worker\n");
        }
        return ctx;
    }

    public int writes() {
        return runner.writes().size() + helm.calls.size() + kube.writes.size() + publisher.pushes.size();
    }

    public void clearRecords() {
        runner.commands.clear();
        helm.calls.clear();
        kube.writes.clear();
        publisher.pushes.clear();
    }
}
