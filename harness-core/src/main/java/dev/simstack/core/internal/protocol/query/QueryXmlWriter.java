package dev.simstack.core.internal.protocol.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.protocol.QueryShapes;
import java.util.Map;

/** Writes an output in the JSON protocol's shape as the Query protocol's XML, following {@link QueryShapes}. */
final class QueryXmlWriter {

    private final QueryShapes shapes;
    private final String operation;
    private final StringBuilder xml;

    QueryXmlWriter(QueryShapes shapes, String operation, StringBuilder xml) {
        this.shapes = shapes;
        this.operation = operation;
        this.xml = xml;
    }

    void writeMembers(JsonNode struct) {
        for (Map.Entry<String, JsonNode> member : struct.properties()) {
            JsonNode value = member.getValue();
            if (value.isNull()) {
                continue;
            }
            QueryShapes.Rule rule = shapes.output(operation, member.getKey());
            if (rule != null && rule.kind() == QueryShapes.Kind.LIST) {
                for (JsonNode element : value) {
                    element(rule.name(), element);
                }
            } else if (rule != null) {
                for (Map.Entry<String, JsonNode> entry : value.properties()) {
                    open(rule.name());
                    open(rule.keyName());
                    text(entry.getKey());
                    close(rule.keyName());
                    element(rule.valueName(), entry.getValue());
                    close(rule.name());
                }
            } else if (value.isArray()) {
                open(member.getKey());
                for (JsonNode element : value) {
                    element("member", element);
                }
                close(member.getKey());
            } else {
                element(member.getKey(), value);
            }
        }
    }

    private void element(String name, JsonNode value) {
        open(name);
        if (value.isObject()) {
            writeMembers(value);
        } else {
            text(value.asText());
        }
        close(name);
    }

    private void open(String name) {
        xml.append('<').append(name).append('>');
    }

    private void close(String name) {
        xml.append("</").append(name).append('>');
    }

    void text(String text) {
        escape(text, xml);
    }

    /**
     * XML-escapes {@code text}; carriage returns become {@code &#xD;} so parsers keep them, as SQS does.
     * Characters XML 1.0 cannot carry at all (controls, unpaired surrogates, U+FFFE/U+FFFF) — which can
     * only come from a bad request quoted in an error message — become U+FFFD, keeping the answer well-formed.
     */
    static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
                continue;
            }
            if (!isXmlChar(c)) {
                out.append('\uFFFD');
                continue;
            }
            switch (c) {
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '&':
                    out.append("&amp;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\r':
                    out.append("&#xD;");
                    break;
                default:
                    out.append(c);
            }
        }
    }

    private static boolean isXmlChar(char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        return !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF;
    }
}
