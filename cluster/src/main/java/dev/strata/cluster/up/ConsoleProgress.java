package dev.strata.cluster.up;

import java.io.PrintWriter;

/**
 * Steps as {@code  • Installing Argo CD ✓ (41s)}. On a terminal a spinner turns after the title
 * while the step runs; when piped, each step is one plain line when it starts and one when it ends.
 */
public final class ConsoleProgress implements Progress {

    private static final String[] FRAMES = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
    private final PrintWriter out;
    private final boolean terminal;
    private String title = "";
    private Thread spinner;

    public ConsoleProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void start(String title) {
        this.title = title;
        if (terminal) {
            out.print(" • " + title + " ");
            out.flush();
            spinner = Thread.ofVirtual().start(this::spin);
        } else {
            out.println(" • " + title + " ...");
        }
    }

    private void spin() {
        int i = 0;
        while (!Thread.currentThread().isInterrupted()) {
            synchronized (this) {
                out.print("\r • " + title + " " + FRAMES[i++ % FRAMES.length]);
                out.flush();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void stopSpinner() {
        if (spinner != null) {
            spinner.interrupt();
            try {
                spinner.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            spinner = null;
        }
    }

    @Override
    public void done(String detail) {
        stopSpinner();
        synchronized (this) {
            out.println((terminal ? "\r" : "") + " ✓ " + title + (detail.isEmpty() ? "" : " (" + detail + ")"));
            out.flush();
        }
    }

    @Override
    public void failed(String message) {
        stopSpinner();
        synchronized (this) {
            out.println((terminal ? "\r" : "") + " ✗ " + title + ": " + message);
            out.flush();
        }
    }

    @Override
    public synchronized void skipped(String title, String reason) {
        out.println(" - " + title + ": skipped, " + reason);
        out.flush();
    }

    @Override
    public synchronized void info(String line) {
        if (terminal && spinner != null) {
            out.print("\r\033[K");
        }
        out.println("   " + line);
        out.flush();
    }

    /** A live display takes over the screen: the step's spinner stops and the display draws below its title. */
    @Override
    public PrintWriter out() {
        if (spinner != null) {
            stopSpinner();
            synchronized (this) {
                out.println();
            }
        }
        return out;
    }

    @Override
    public boolean terminal() {
        return terminal;
    }
}
