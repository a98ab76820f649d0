package dev.strata.cluster.up;

import java.io.PrintWriter;

/** What the user sees while {@code up} runs: one line per step, kind-style. */
public interface Progress {

    void start(String title);

    void done(String detail);

    void failed(String message);

    void skipped(String title, String reason);

    /** A line of information under the current step. */
    void info(String line);

    /** Whether output goes to a terminal (spinners and redraws allowed). */
    boolean terminal();

    /** Where live displays (the wait table) draw. */
    PrintWriter out();
}
