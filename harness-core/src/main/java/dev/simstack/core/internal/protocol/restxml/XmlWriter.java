package dev.simstack.core.internal.protocol.restxml;

/**
 * Writes the XML documents of REST-XML answers: elements in order, text escaped, nothing skipped but
 * null values (S3 leaves out absent members rather than writing empty elements).
 */
public final class XmlWriter {

    /** S3's namespace, on the root element of every answer document. */
    public static final String S3_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

    private final StringBuilder xml = new StringBuilder(256).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

    /** Starts a document whose root element carries S3's namespace. */
    public static XmlWriter document(String root) {
        XmlWriter writer = new XmlWriter();
        writer.xml.append('<').append(root).append(" xmlns=\"").append(S3_NAMESPACE).append("\">");
        return writer;
    }

    public XmlWriter start(String element) {
        xml.append('<').append(element).append('>');
        return this;
    }

    public XmlWriter end(String element) {
        xml.append("</").append(element).append('>');
        return this;
    }

    /** {@code <element>value</element>}, or nothing when value is null. */
    public XmlWriter element(String element, Object value) {
        if (value != null) {
            start(element);
            escape(String.valueOf(value), xml);
            end(element);
        }
        return this;
    }

    /** Appends an already written fragment as is (stored configuration documents). */
    public XmlWriter raw(String fragment) {
        xml.append(fragment);
        return this;
    }

    public String finish(String root) {
        return end(root).toString();
    }

    @Override
    public String toString() {
        return xml.toString();
    }

    /** Escapes text for element content; characters XML 1.0 cannot carry become numeric references. */
    public static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append("&#").append((int) c).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
