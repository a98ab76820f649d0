package dev.strata.yaml;

import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The one JUnit XML writer (check's {@code -o junit} and verify's): test suites of test cases, each
 * with its failures, a skip or its output, written with the JDK's {@link XMLStreamWriter} (which
 * escapes) after dropping the control characters XML 1.0 cannot hold (a report must parse whatever a pod printed). Elements are
 * indented two spaces per level, one per line, as CI report viewers and diffs read best.
 */
public final class JunitXml {

    private JunitXml() {
    }

    /** A {@code <failure>}: the rule or check that failed ({@code type}, optional), a one-line message and the detail. */
    public record Failure(Optional<String> type, String message, String detail) {
    }

    /**
     * A {@code <testcase>}. {@code time} is written when known; a case with neither failures, a skip
     * nor output is an empty element.
     */
    public record Case(Optional<String> classname, String name, Optional<Duration> time,
                       List<Failure> failures, Optional<String> skipped, Optional<String> output) {

        public Case {
            failures = List.copyOf(failures);
        }
    }

    /**
     * A {@code <testsuite>}. A timed suite (a run: verify) carries Surefire's whole attribute set,
     * {@code errors}, {@code skipped} and {@code time}; an untimed one (a static check, which has no
     * run time and no skips) only {@code tests} and {@code failures}.
     */
    public record Suite(String name, List<Case> cases, Optional<Duration> time) {

        public Suite {
            cases = List.copyOf(cases);
        }

        long failures() {
            return cases.stream().mapToLong(c -> c.failures().size()).sum();
        }
    }

    /** One suite as the document's root. */
    public static String suite(Suite suite) {
        return document(x -> suite(x, suite, 0));
    }

    /** Several suites under a {@code <testsuites>} root named {@code name}. */
    public static String suites(String name, List<Suite> suites) {
        return document(x -> {
            indent(x, 0);
            x.writeStartElement("testsuites");
            x.writeAttribute("name", clean(name));
            x.writeAttribute("tests", String.valueOf(suites.stream().mapToInt(s -> s.cases().size()).sum()));
            x.writeAttribute("failures", String.valueOf(suites.stream().mapToLong(Suite::failures).sum()));
            for (Suite s : suites) {
                suite(x, s, 1);
            }
            close(x, 0);
        });
    }

    private interface Body {
        void write(XMLStreamWriter x) throws XMLStreamException;
    }

    private static String document(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            body.write(x);
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing JUnit XML: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void suite(XMLStreamWriter x, Suite suite, int depth) throws XMLStreamException {
        indent(x, depth);
        x.writeStartElement("testsuite");
        x.writeAttribute("name", clean(suite.name()));
        x.writeAttribute("tests", String.valueOf(suite.cases().size()));
        x.writeAttribute("failures", String.valueOf(suite.failures()));
        if (suite.time().isPresent()) {
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", String.valueOf(suite.cases().stream().filter(c -> c.skipped().isPresent()).count()));
            x.writeAttribute("time", seconds(suite.time().get()));
        }
        for (Case c : suite.cases()) {
            testcase(x, c, depth + 1);
        }
        close(x, depth);
    }

    private static void testcase(XMLStreamWriter x, Case c, int depth) throws XMLStreamException {
        indent(x, depth);
        boolean empty = c.failures().isEmpty() && c.skipped().isEmpty() && c.output().isEmpty();
        if (empty) {
            x.writeEmptyElement("testcase");
        } else {
            x.writeStartElement("testcase");
        }
        if (c.classname().isPresent()) {
            x.writeAttribute("classname", clean(c.classname().get()));
        }
        x.writeAttribute("name", clean(c.name()));
        if (c.time().isPresent()) {
            x.writeAttribute("time", seconds(c.time().get()));
        }
        if (empty) {
            return;
        }
        for (Failure f : c.failures()) {
            indent(x, depth + 1);
            x.writeStartElement("failure");
            if (f.type().isPresent()) {
                x.writeAttribute("type", clean(f.type().get()));
            }
            x.writeAttribute("message", clean(f.message()));
            x.writeCharacters(clean(f.detail()));
            x.writeEndElement();
        }
        if (c.skipped().isPresent()) {
            indent(x, depth + 1);
            x.writeEmptyElement("skipped");
            x.writeAttribute("message", clean(c.skipped().get()));
        }
        if (c.output().isPresent()) {
            indent(x, depth + 1);
            x.writeStartElement("system-out");
            x.writeCharacters(clean(c.output().get()));
            x.writeEndElement();
        }
        close(x, depth);
    }

    private static void indent(XMLStreamWriter x, int depth) throws XMLStreamException {
        x.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static void close(XMLStreamWriter x, int depth) throws XMLStreamException {
        indent(x, depth);
        x.writeEndElement();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }

    /**
     * Without the characters XML 1.0 has no place for: control characters but tab and newline, the
     * noncharacters U+FFFE and U+FFFF, and unpaired surrogates (XML 1.0, section 2.2, "Char").
     */
    private static String clean(String s) {
        return s.codePoints().filter(c -> c == '\n' || c == '\t' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
