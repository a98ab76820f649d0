package dev.strata.cli;

import dev.strata.cluster.ClusterException;
import dev.strata.cluster.Seams;
import dev.strata.cluster.kube.Kube;
import dev.strata.cluster.up.Provisioner;
import dev.strata.plan.Plan;
import dev.strata.plan.Planner;
import dev.strata.plan.capacity.Scenario;
import dev.strata.plan.facts.PlatformFacts;
import dev.strata.spec.PlatformSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * A lifecycle command (up, down, status, verify, diff, doctor) is its parameters and one call.
 * What they all do first lives here, each part made once and only when the command asks for it:
 * the spec ({@code -f}), the seams ({@code --tool}), the plan and its facts, a client for the
 * spec's cluster. Nothing is caught here: {@link Strata}'s execution-exception handler turns every
 * failure into its message and exit code, and asks the command for a {@link #hint} to add.
 */
abstract class LifecycleCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    SpecFile file;

    @Mixin
    ClusterOptions cluster;

    private PlatformSpec platform;
    private Seams seams;
    private Plan plan;

    /** The spec, loaded on first use. */
    final PlatformSpec platform() {
        if (platform == null) {
            platform = file.load();
        }
        return platform;
    }

    final Seams seams() {
        if (seams == null) {
            seams = makeSeams();
        }
        return seams;
    }

    /** The real seams; up gives its own chart source to the proof. */
    Seams makeSeams() {
        return cluster.seams();
    }

    /** The spec's plan (replica scenario), made with the seams' catalog. */
    final Plan plan() {
        if (plan == null) {
            plan = new Planner(seams().catalog()).plan(platform(), Scenario.REPLICAS);
        }
        return plan;
    }

    final PlatformFacts facts() {
        return plan().facts();
    }

    /** A client for the spec's cluster, after checking that its API server answers. */
    final Kube connect() {
        Kube kube = seams().kubes().apply(Provisioner.of(platform(), seams().runner()).kubeContext());
        if (!kube.reachable()) {
            throw new ClusterException("no cluster answers at " + kube.describe() + "; is it up? (strata up creates it; strata doctor says what is missing)");
        }
        return kube;
    }

    /** The directory of the spec file, absolute. */
    final Path specDir() {
        return file.path().toAbsolutePath().getParent();
    }

    final PrintWriter out() {
        return command.commandLine().getOut();
    }

    /** A line to print after the failure's message and evidence, if the command has one to give. */
    Optional<String> hint(RuntimeException failure) {
        return Optional.empty();
    }
}
