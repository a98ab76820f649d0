package dev.strata.cluster.wait;

import dev.strata.cluster.kube.AppStatus;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live view of the wait: one line per Application — wave, sync, health, elapsed. On a
 * terminal the table is redrawn in place with a spinner on the lines still moving; when piped,
 * a plain line is printed only when an Application's sync or health changes.
 */
public abstract sealed class WaitDisplay permits WaitDisplay.Plain, WaitDisplay.Live {

    protected final PrintWriter out;

    protected WaitDisplay(PrintWriter out) {
        this.out = out;
    }

    public static WaitDisplay of(PrintWriter out, boolean terminal) {
        return terminal ? new Live(out) : new Plain(out);
    }

    /** @param elapsed per Application: time since the wait began, frozen once it was ready */
    public abstract void update(List<AppStatus> apps, Map<String, Duration> elapsed);

    static String line(AppStatus a, Duration elapsed) {
        return String.format("wave %-3d %-28s %-10s %-12s %s%s", a.wave(), a.name(), a.sync(), a.health(), fmt(elapsed),
                a.ready() || a.message().isEmpty() ? "" : "  " + shorten(a.message()));
    }

    static String fmt(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + "s" : (s / 60) + "m" + String.format("%02d", s % 60) + "s";
    }

    private static String shorten(String m) {
        String one = m.replace('\n', ' ');
        return one.length() > 80 ? one.substring(0, 77) + "..." : one;
    }

    static final class Plain extends WaitDisplay {
        private final Map<String, String> last = new HashMap<>();

        Plain(PrintWriter out) {
            super(out);
        }

        @Override
        public void update(List<AppStatus> apps, Map<String, Duration> elapsed) {
            for (AppStatus a : apps) {
                String key = a.sync() + "/" + a.health();
                if (!key.equals(last.put(a.name(), key))) {
                    out.println("   " + line(a, elapsed.getOrDefault(a.name(), Duration.ZERO)));
                }
            }
            out.flush();
        }
    }

    static final class Live extends WaitDisplay {
        private static final String[] FRAMES = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
        private int drawn;
        private int frame;

        Live(PrintWriter out) {
            super(out);
        }

        @Override
        public void update(List<AppStatus> apps, Map<String, Duration> elapsed) {
            StringBuilder sb = new StringBuilder();
            if (drawn > 0) {
                sb.append("\033[").append(drawn).append("A");
            }
            frame++;
            for (AppStatus a : apps) {
                String mark = a.ready() ? "✓" : a.degraded() ? "✗" : FRAMES[frame % FRAMES.length];
                sb.append("\r\033[K ").append(mark).append(' ').append(line(a, elapsed.getOrDefault(a.name(), Duration.ZERO))).append('\n');
            }
            drawn = apps.size();
            out.print(sb);
            out.flush();
        }
    }
}
