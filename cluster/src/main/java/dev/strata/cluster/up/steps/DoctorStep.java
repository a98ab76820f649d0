package dev.strata.cluster.up.steps;

import dev.strata.cluster.ClusterException;
import dev.strata.cluster.doctor.Doctor;
import dev.strata.cluster.doctor.DoctorReport;
import dev.strata.cluster.doctor.Finding;
import dev.strata.cluster.doctor.Needs;
import dev.strata.cluster.up.Step;
import dev.strata.cluster.up.Provisioner;
import dev.strata.cluster.up.UpContext;
import dev.strata.spec.Provider;

import java.util.List;
import java.util.Set;

/** Doctor first: nothing is touched when up would fail anyway. Forgets a previous run's steps when its cluster is gone. */
public final class DoctorStep implements Step {

    @Override
    public String id() {
        return "doctor";
    }

    @Override
    public String title(UpContext ctx) {
        return "Checking this machine (doctor)";
    }

    @Override
    public boolean alwaysRuns() {
        return true;
    }

    @Override
    public String fingerprint(UpContext ctx) {
        return "";
    }

    @Override
    public String execute(UpContext ctx) {
        DoctorReport report = new Doctor(ctx.seams().runner(), ctx.seams().host(), ctx::kube)
                .examine(ctx.spec().cluster().provider(), ctx.spec().cluster().name(), Provisioner.tool(ctx.spec(), ctx.seams().catalog()),
                        Needs.of(ctx.plan(), LoadImageStep.need(ctx.spec(), ctx.options())).withImages(ctx.state().images()));
        for (Finding f : report.findings()) {
            if (f.level() == Finding.Level.WARNING) {
                ctx.progress().info("warning " + f.id() + ": " + f.reason() + "; fix: " + f.fix());
            }
        }
        if (report.blocking()) {
            List<String> evidence = report.errors().stream().map(f -> f.id() + ": " + f.reason() + "; fix: " + f.fix()).toList();
            throw new ClusterException("doctor found " + evidence.size() + " problem" + (evidence.size() == 1 ? "" : "s")
                    + " that would make up fail; nothing was changed", evidence);
        }
        if (ctx.spec().cluster().provider() != Provider.EXISTING && !report.clusterExists()) {
            ctx.state().forgetAllBut(Set.of("render"));
        }
        return report.findings().size() + " checks passed" + (report.clusterExists() ? ", the cluster exists" : "");
    }
}
