package dev.strata.cluster.verify;

import dev.strata.yaml.XmlText;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Verify results as text (default) or JUnit XML ({@code -o junit}, for CI test reports). */
public final class VerifyReport {

    private VerifyReport() {
    }

    public static String text(List<CheckResult> results) {
        StringBuilder sb = new StringBuilder();
        for (CheckResult r : results) {
            sb.append(String.format("%-7s %-32s %s%n", r.outcome(), r.id(), r.title()));
            sb.append("        ").append(r.evidence()).append('\n');
        }
        sb.append(summary(results)).append('\n');
        return sb.toString();
    }

    public static String summary(List<CheckResult> results) {
        return count(results, Outcome.PASS) + " passed, " + count(results, Outcome.FAIL) + " failed, " + count(results, Outcome.SKIPPED) + " skipped.";
    }

    /** JUnit XML (the JDK's {@link javax.xml.stream.XMLStreamWriter}): a FAIL is a failure, SKIPPED is skipped, a PASS keeps its evidence. */
    public static String junit(List<CheckResult> results) {
        double total = results.stream().mapToDouble(r -> r.duration().toMillis() / 1000.0).sum();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "strata verify");
            x.writeAttribute("tests", String.valueOf(results.size()));
            x.writeAttribute("failures", String.valueOf(count(results, Outcome.FAIL)));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", String.valueOf(count(results, Outcome.SKIPPED)));
            x.writeAttribute("time", String.format(Locale.ROOT, "%.3f", total));
            for (CheckResult r : results) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", "strata.verify");
                x.writeAttribute("name", XmlText.clean(r.id()));
                x.writeAttribute("time", String.format(Locale.ROOT, "%.3f", r.duration().toMillis() / 1000.0));
                x.writeCharacters("\n    ");
                switch (r.outcome()) {
                    case FAIL -> {
                        x.writeStartElement("failure");
                        x.writeAttribute("message", XmlText.clean(r.title()));
                        x.writeCharacters(XmlText.clean(r.evidence()));
                        x.writeEndElement();
                    }
                    case SKIPPED -> {
                        x.writeEmptyElement("skipped");
                        x.writeAttribute("message", XmlText.clean(r.evidence()));
                    }
                    case PASS -> {
                        x.writeStartElement("system-out");
                        x.writeCharacters(XmlText.clean(r.evidence()));
                        x.writeEndElement();
                    }
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing JUnit XML: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static long count(List<CheckResult> results, Outcome o) {
        return results.stream().filter(r -> r.outcome() == o).count();
    }
}
