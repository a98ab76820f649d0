package dev.strata.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class JunitXmlTest {

    private static JunitXml.Case failing(String name, String detail) {
        return new JunitXml.Case(Optional.of("pkg"), name, Optional.empty(),
                List.of(new JunitXml.Failure(Optional.of("rule"), "broke", detail)), Optional.empty(), Optional.empty());
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void charactersXmlCannotHoldAreDroppedSoTheReportStaysParseable() throws Exception {
        String xml = JunitXml.suite(new JunitXml.Suite("s", List.of(failing("a\u0001b\uFFFE\uD800c", "x\u001b[31mred\u0007 & <y>")), Optional.empty()));

        Document doc = parse(xml);
        assertThat(doc.getElementsByTagName("testcase").item(0).getAttributes().getNamedItem("name").getNodeValue())
                .as("control characters, noncharacters and a lone surrogate are dropped; a pair (\uD83D\uDE00) would stay")
                .isEqualTo("abc");
        assertThat(doc.getElementsByTagName("failure").item(0).getTextContent()).isEqualTo("x[31mred & <y>");
    }

    @Test
    void suitesCountTheirCasesAndFailuresAtEveryLevel() throws Exception {
        JunitXml.Case passing = new JunitXml.Case(Optional.empty(), "fine", Optional.empty(), List.of(), Optional.empty(), Optional.empty());
        JunitXml.Case twice = new JunitXml.Case(Optional.of("pkg"), "twice", Optional.empty(),
                List.of(new JunitXml.Failure(Optional.empty(), "one", ""), new JunitXml.Failure(Optional.empty(), "two", "")),
                Optional.empty(), Optional.of("a warning"));

        Document doc = parse(JunitXml.suites("all", List.of(
                new JunitXml.Suite("first", List.of(passing, twice), Optional.empty()),
                new JunitXml.Suite("second", List.of(failing("c", "d")), Optional.empty()))));

        var root = doc.getDocumentElement();
        assertThat(root.getAttribute("tests")).isEqualTo("3");
        assertThat(root.getAttribute("failures")).isEqualTo("3");
        var first = (org.w3c.dom.Element) root.getElementsByTagName("testsuite").item(0);
        assertThat(first.getAttribute("tests")).isEqualTo("2");
        assertThat(first.getAttribute("failures")).isEqualTo("2");
        assertThat(first.hasAttribute("time")).as("an untimed suite claims no run time").isFalse();
        assertThat(doc.getElementsByTagName("system-out").item(0).getTextContent()).isEqualTo("a warning");
    }

    @Test
    void aTimedSuiteCarriesSurefiresAttributesAndEachCaseItsTime() {
        JunitXml.Case skipped = new JunitXml.Case(Optional.of("k"), "s", Optional.of(Duration.ofMillis(250)), List.of(),
                Optional.of("no mesh"), Optional.empty());

        assertThat(JunitXml.suite(new JunitXml.Suite("run", List.of(skipped), Optional.of(Duration.ofMillis(1250))))).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="run" tests="1" failures="0" errors="0" skipped="1" time="1.250">
                  <testcase classname="k" name="s" time="0.250">
                    <skipped message="no mesh"/>
                  </testcase>
                </testsuite>
                """);
    }
}
