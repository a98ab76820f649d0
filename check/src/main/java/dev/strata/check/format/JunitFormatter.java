package dev.strata.check.format;

import dev.strata.yaml.XmlText;
import dev.strata.check.CheckReport;
import dev.strata.check.Finding;
import dev.strata.check.Severity;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML: one test suite per file with findings, one test case per object. An error finding is a
 * {@code <failure>} (the exit code is 1 then); a warning is reported in the test case's
 * {@code <system-out>}, so that a CI report fails exactly when the check does. A clean run is one
 * passing test case. Written with the JDK's {@link XMLStreamWriter}.
 */
public final class JunitFormatter implements ReportFormatter {

    @Override
    public String format(CheckReport report) {
        Map<String, Map<String, List<Finding>>> byFile = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            String object = f.object().isNone() ? "(file)" : f.object().display();
            byFile.computeIfAbsent(f.file(), k -> new LinkedHashMap<>()).computeIfAbsent(object, k -> new ArrayList<>()).add(f);
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            int cases = byFile.values().stream().mapToInt(Map::size).sum();
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "strata check");
            x.writeAttribute("tests", String.valueOf(Math.max(1, cases)));
            x.writeAttribute("failures", String.valueOf(errors(report.findings())));
            x.writeCharacters("\n");
            if (byFile.isEmpty()) {
                suite(x, "strata check", 1, 0);
                x.writeCharacters("    ");
                x.writeEmptyElement("testcase");
                x.writeAttribute("name", report.summary().objects() + " objects");
                x.writeCharacters("\n  ");
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            for (Map.Entry<String, Map<String, List<Finding>>> file : byFile.entrySet()) {
                List<Finding> all = file.getValue().values().stream().flatMap(List::stream).toList();
                suite(x, file.getKey(), file.getValue().size(), errors(all));
                for (Map.Entry<String, List<Finding>> object : file.getValue().entrySet()) {
                    x.writeCharacters("    ");
                    x.writeStartElement("testcase");
                    x.writeAttribute("classname", XmlText.clean(file.getKey()));
                    x.writeAttribute("name", XmlText.clean(object.getKey()));
                    StringBuilder warnings = new StringBuilder();
                    for (Finding f : object.getValue()) {
                        String line = f.severity().label() + " " + f.file() + ":" + f.line() + ": " + f.message() + " (" + f.remediation() + ")";
                        if (f.severity() == Severity.ERROR) {
                            x.writeCharacters("\n      ");
                            x.writeStartElement("failure");
                            x.writeAttribute("type", f.rule());
                            x.writeAttribute("message", XmlText.clean(f.message()));
                            x.writeCharacters(XmlText.clean(line));
                            x.writeEndElement();
                        } else {
                            warnings.append(line).append(" [").append(f.rule()).append("]\n");
                        }
                    }
                    if (!warnings.isEmpty()) {
                        x.writeCharacters("\n      ");
                        x.writeStartElement("system-out");
                        x.writeCharacters(XmlText.clean(warnings.toString()));
                        x.writeEndElement();
                    }
                    x.writeCharacters("\n    ");
                    x.writeEndElement();
                    x.writeCharacters("\n");
                }
                x.writeCharacters("  ");
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing JUnit XML: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void suite(XMLStreamWriter x, String name, int tests, long failures) throws XMLStreamException {
        x.writeCharacters("  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", XmlText.clean(name));
        x.writeAttribute("tests", String.valueOf(tests));
        x.writeAttribute("failures", String.valueOf(failures));
        x.writeCharacters("\n");
    }

    private static long errors(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }
}
