package dev.strata.yaml;

/** Text for XML 1.0 reports (JUnit): the characters XML has no place for removed; the JDK's writer escapes the rest. */
public final class XmlText {

    private XmlText() {
    }

    /** Without the control characters XML 1.0 forbids (all below U+0020 except tab and newline). */
    public static String clean(String s) {
        return s.codePoints().filter(c -> c >= 0x20 || c == '\n' || c == '\t')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
