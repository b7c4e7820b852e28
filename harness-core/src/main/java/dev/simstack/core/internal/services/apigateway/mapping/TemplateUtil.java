package dev.simstack.core.internal.services.apigateway.mapping;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** {@code $util} in a mapping template: API Gateway's escaping, encoding and JSON parsing functions. */
public final class TemplateUtil {

    TemplateUtil() {
    }

    /**
     * Escapes a string for a JavaScript (or JSON) string literal, as API Gateway does: backslash, both quotes
     * (a single quote becomes {@code \'}, which JSON does not accept — AWS's own behaviour), and control characters.
     */
    public String escapeJavaScript(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\'' -> out.append("\\'");
                case '/' -> out.append("\\/");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04X", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }

    /** {@code application/x-www-form-urlencoded} encoding (UTF-8). */
    public String urlEncode(String text) {
        return text == null ? null : URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The reverse of {@link #urlEncode}. */
    public String urlDecode(String text) {
        return text == null ? null : URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** Base64 of the string's UTF-8 bytes. */
    public String base64Encode(String text) {
        return text == null ? null : Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The UTF-8 string a base64 text encodes. */
    public String base64Decode(String text) {
        return text == null ? null : new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    }

    /** A JSON text as maps, lists, strings, numbers and booleans a template can walk ({@code $obj.items[0].id}). */
    public Object parseJson(String text) {
        return TemplateInput.plain(TemplateInput.parse(text));
    }
}
