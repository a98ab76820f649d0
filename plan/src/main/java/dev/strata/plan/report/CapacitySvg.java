package dev.strata.plan.report;

import dev.strata.catalog.Quantity;
import dev.strata.plan.Plan;
import dev.strata.plan.capacity.CapacityReport;
import dev.strata.plan.capacity.NodeUsage;
import dev.strata.plan.capacity.PodRequest;
import dev.strata.plan.capacity.Scenario;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A self-contained SVG of the capacity plan: for every node, two bars (CPU, memory) as wide as
 * what the node can allocate, stacked with the requests of each component and app; the node's
 * tier colours its label band. Readable in any browser, no CLI needed. Written with the JDK's
 * {@link XMLStreamWriter}, which escapes names and labels.
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
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartElement("svg");
            x.writeDefaultNamespace("http://www.w3.org/2000/svg");
            attributes(x, "width", width, "height", height, "viewBox", "0 0 " + width + " " + height,
                    "font-family", "Helvetica, Arial, sans-serif", "font-size", 12);
            x.writeCharacters("\n");
            rect(x, "width", "100%", "height", "100%", "fill", "#ffffff");
            text(x, 16, 26, 16, "bold", "#222", "Capacity plan: " + plan.spec().name() + " (" + plan.spec().cluster().provider().id() + ", "
                    + (c.scenario() == Scenario.MAX ? "HPA maxima" : "replicas") + ")");
            text(x, 16, 46, 12, "normal", c.fits() ? "#2e7d32" : "#c62828", c.fits()
                    ? "All " + c.pods() + " pods fit. Bars: requests stacked by component, full width = allocatable."
                    : c.unschedulable().size() + " of " + c.pods() + " pods do not fit — run `strata plan` for the reasons.");
            text(x, 16, 64, 11, "normal", "#555", "Strata components + apps request " + c.platformRequests().cpu().toCpuString()
                    + " CPU, " + c.platformRequests().memory().toMiB() + "; Kubernetes itself " + c.kubernetesRequests().cpu().toCpuString()
                    + " CPU, " + c.kubernetesRequests().memory().toMiB() + ".");
            int y = 84;
            for (NodeUsage n : c.nodes()) {
                String tierColour = TIER_COLOURS.getOrDefault(n.node().tierName(), "#8d6e63");
                rect(x, "x", 10, "y", y, "width", LEFT - 20, "height", ROW - 10, "fill", tierColour, "rx", 4);
                text(x, 18, y + 20, 13, "bold", "#fff", n.node().name());
                text(x, 18, y + 38, 11, "normal", "#fff", "tier " + n.node().tierName());
                bar(x, y + 2, "CPU", n, true, colour);
                bar(x, y + 28, "MEM", n, false, colour);
                y += ROW;
            }
            y += 16;
            for (int i = 0; i < owners.size(); i++) {
                int lx = 16 + (i % 4) * 200;
                int ly = y + (i / 4) * 20;
                rect(x, "x", lx, "y", ly - 10, "width", 12, "height", 12, "fill", colour.get(owners.get(i)));
                text(x, lx + 18, ly, 11, "normal", "#333", owners.get(i));
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the capacity SVG: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void bar(XMLStreamWriter x, int y, String label, NodeUsage n, boolean cpu, Map<String, String> colour) throws XMLStreamException {
        long alloc = cpu ? n.node().allocatable().cpu().milli() : n.node().allocatable().memory().milli();
        rect(x, "x", LEFT, "y", y, "width", BAR, "height", 20, "fill", "#eeeeee", "stroke", "#999");
        Map<String, Long> byOwner = new LinkedHashMap<>();
        for (PodRequest p : n.pods()) {
            byOwner.merge(p.owner(), cpu ? p.requests().cpu().milli() : p.requests().memory().milli(), Long::sum);
        }
        double left = LEFT;
        for (Map.Entry<String, Long> e : byOwner.entrySet()) {
            double w = alloc == 0 ? 0 : (double) e.getValue() / alloc * BAR;
            if (w <= 0) {
                continue;
            }
            String amount = cpu ? new Quantity(e.getValue()).toCpuString() : new Quantity(e.getValue()).toMiB();
            x.writeStartElement("rect");
            attributes(x, "x", oneDecimal(left), "y", y, "width", oneDecimal(w), "height", 20, "fill", colour.get(e.getKey()));
            title(x, e.getKey() + ": " + amount);
            x.writeEndElement();
            x.writeCharacters("\n");
            left += w;
        }
        double pct = cpu ? n.cpuPercent() : n.memoryPercent();
        String used = cpu ? n.requested().cpu().toCpuString() + " / " + n.node().allocatable().cpu().toCpuString()
                : n.requested().memory().toMiB() + " / " + n.node().allocatable().memory().toMiB();
        text(x, LEFT + BAR + 8, y + 14, 11, "normal", "#333", String.format(Locale.ROOT, "%s %.0f%%", label, pct));
        title(x, label + " " + used);
        x.writeCharacters("\n");
    }

    private static void text(XMLStreamWriter x, int left, int y, int size, String weight, String fill, String s) throws XMLStreamException {
        x.writeStartElement("text");
        attributes(x, "x", left, "y", y, "font-size", size, "font-weight", weight, "fill", fill);
        x.writeCharacters(s);
        x.writeEndElement();
        x.writeCharacters("\n");
    }

    private static void title(XMLStreamWriter x, String s) throws XMLStreamException {
        x.writeStartElement("title");
        x.writeCharacters(s);
        x.writeEndElement();
    }

    private static void rect(XMLStreamWriter x, Object... attributes) throws XMLStreamException {
        x.writeEmptyElement("rect");
        attributes(x, attributes);
        x.writeCharacters("\n");
    }

    /** Name, value pairs, in order. */
    private static void attributes(XMLStreamWriter x, Object... pairs) throws XMLStreamException {
        for (int i = 0; i < pairs.length; i += 2) {
            x.writeAttribute((String) pairs[i], String.valueOf(pairs[i + 1]));
        }
    }

    private static String oneDecimal(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
