package dev.strata.plan.report;

import dev.strata.catalog.Quantity;
import dev.strata.plan.Plan;
import dev.strata.plan.capacity.CapacityReport;
import dev.strata.plan.capacity.NodeUsage;
import dev.strata.plan.capacity.PodRequest;
import dev.strata.plan.capacity.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A self-contained SVG of the capacity plan: for every node, two bars (CPU, memory) as wide as
 * what the node can allocate, stacked with the requests of each component and app; the node's
 * tier colours its label band. Readable in any browser, no CLI needed.
 */
public final class CapacitySvg {

    private static final String[] PALETTE = {
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
        "#1f77b4", "#aec7e8", "#ffbb78", "#98df8a", "#c5b0d5", "#c49c94", "#f7b6d2", "#dbdb8d", "#9edae5", "#17becf"};
    private static final Map<String, String> TIER_COLOURS = Map.of(
            "platform", "#3b5b92", "apps", "#2e8b57", "control-plane", "#6b6b6b");
    private static final int LEFT = 190;
    private static final int BAR = 560;
    private static final int ROW = 64;

    private CapacitySvg() {
    }

    public static String render(Plan plan) {
        CapacityReport c = plan.capacity();
        List<String> owners = new ArrayList<>(new TreeSet<>(c.nodes().stream().flatMap(n -> n.pods().stream()).map(PodRequest::owner).toList()));
        owners.remove("kubernetes");
        owners.add(0, "kubernetes");
        Map<String, String> colour = new LinkedHashMap<>();
        for (int i = 0; i < owners.size(); i++) {
            colour.put(owners.get(i), owners.get(i).equals("kubernetes") ? "#7f7f7f" : PALETTE[(i - 1 + PALETTE.length) % PALETTE.length]);
        }
        int legendRows = (owners.size() + 3) / 4;
        int height = 90 + c.nodes().size() * ROW + 30 + legendRows * 20 + 20;
        int width = LEFT + BAR + 120;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">%n", width, height, width, height));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        b.append(text(16, 26, 16, "bold", "#222", "Capacity plan: " + plan.spec().name() + " (" + plan.spec().cluster().provider().id() + ", "
                + (c.scenario() == Scenario.MAX ? "HPA maxima" : "replicas") + ")"));
        b.append(text(16, 46, 12, "normal", c.fits() ? "#2e7d32" : "#c62828", c.fits()
                ? "All " + c.pods() + " pods fit. Bars: requests stacked by component, full width = allocatable."
                : c.unschedulable().size() + " of " + c.pods() + " pods do not fit — run `strata plan` for the reasons."));
        b.append(text(16, 64, 11, "normal", "#555", "Strata components + apps request " + c.platformRequests().cpu().toCpuString()
                + " CPU, " + c.platformRequests().memory().toMiB() + "; Kubernetes itself " + c.kubernetesRequests().cpu().toCpuString()
                + " CPU, " + c.kubernetesRequests().memory().toMiB() + "."));
        int y = 84;
        for (NodeUsage n : c.nodes()) {
            String tierColour = TIER_COLOURS.getOrDefault(n.node().tierName(), "#8d6e63");
            b.append(String.format(Locale.ROOT, "<rect x=\"10\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" rx=\"4\"/>%n", y, LEFT - 20, ROW - 10, tierColour));
            b.append(text(18, y + 20, 13, "bold", "#fff", n.node().name()));
            b.append(text(18, y + 38, 11, "normal", "#fff", "tier " + n.node().tierName()));
            bar(b, y + 2, "CPU", n, true, colour);
            bar(b, y + 28, "MEM", n, false, colour);
            y += ROW;
        }
        y += 16;
        for (int i = 0; i < owners.size(); i++) {
            int x = 16 + (i % 4) * 200;
            int ly = y + (i / 4) * 20;
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n", x, ly - 10, colour.get(owners.get(i))));
            b.append(text(x + 18, ly, 11, "normal", "#333", owners.get(i)));
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static void bar(StringBuilder b, int y, String label, NodeUsage n, boolean cpu, Map<String, String> colour) {
        long alloc = cpu ? n.node().allocatable().cpu().milli() : n.node().allocatable().memory().milli();
        b.append(text(LEFT - 8 + 8, y + 15, 10, "normal", "#555", ""));
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"20\" fill=\"#eeeeee\" stroke=\"#999\"/>%n", LEFT, y, BAR));
        Map<String, Long> byOwner = new LinkedHashMap<>();
        for (PodRequest p : n.pods()) {
            byOwner.merge(p.owner(), cpu ? p.requests().cpu().milli() : p.requests().memory().milli(), Long::sum);
        }
        double x = LEFT;
        for (Map.Entry<String, Long> e : byOwner.entrySet()) {
            double w = alloc == 0 ? 0 : (double) e.getValue() / alloc * BAR;
            if (w <= 0) {
                continue;
            }
            String amount = cpu ? new Quantity(e.getValue()).toCpuString() : new Quantity(e.getValue()).toMiB();
            b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"20\" fill=\"%s\"><title>%s: %s</title></rect>%n",
                    x, y, w, colour.get(e.getKey()), escape(e.getKey()), amount));
            x += w;
        }
        double pct = cpu ? n.cpuPercent() : n.memoryPercent();
        String used = cpu ? n.requested().cpu().toCpuString() + " / " + n.node().allocatable().cpu().toCpuString()
                : n.requested().memory().toMiB() + " / " + n.node().allocatable().memory().toMiB();
        b.append(text(LEFT + BAR + 8, y + 14, 11, "normal", "#333", String.format(Locale.ROOT, "%s %.0f%%", label, pct)));
        b.append(String.format(Locale.ROOT, "<title>%s</title>%n", escape(label + " " + used)));
    }

    private static String text(int x, int y, int size, String weight, String fill, String s) {
        if (s.isEmpty()) {
            return "";
        }
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" font-weight=\"%s\" fill=\"%s\">%s</text>%n", x, y, size, weight, fill, escape(s));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
