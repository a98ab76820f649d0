package dev.strata.cluster.doctor;

import java.io.PrintWriter;
import java.util.List;

/** Doctor's findings; {@code up} would fail when any is an error. */
public record DoctorReport(List<Finding> findings) {

    public boolean blocking() {
        return findings.stream().anyMatch(f -> f.level() == Finding.Level.ERROR);
    }

    public List<Finding> errors() {
        return findings.stream().filter(f -> f.level() == Finding.Level.ERROR).toList();
    }

    public boolean clusterExists() {
        return findings.stream().anyMatch(f -> f.id().equals(Doctor.CLUSTER_EXISTS));
    }

    public void print(PrintWriter out) {
        for (Finding f : findings) {
            String mark = switch (f.level()) {
                case OK -> "ok  ";
                case WARNING -> "warn";
                case ERROR -> "FAIL";
            };
            out.println(mark + " " + f.id() + ": " + f.reason());
            if (!f.fix().isEmpty()) {
                out.println("     fix: " + f.fix());
            }
        }
        long errors = errors().size();
        long warnings = findings.stream().filter(f -> f.level() == Finding.Level.WARNING).count();
        out.println(errors == 0
                ? "Ready for strata up (" + warnings + " warning" + (warnings == 1 ? "" : "s") + ")."
                : errors + " problem" + (errors == 1 ? "" : "s") + " would make strata up fail; nothing was changed.");
    }
}
