package dev.simstack.assertions.internal;

import java.util.List;

/** Failure texts as AssertJ message formats: the text itself, with nothing in it read as a format specifier. */
public final class MessageText {

    private MessageText() {
    }

    /** {@code text} as a format that prints it as is, with line breaks as {@code %n}. */
    public static String format(String text) {
        return "%n" + text.replace("%", "%%").replace("\n", "%n");
    }

    /** The lines, each on its own line and indented by {@code indent} spaces. */
    public static String indented(List<String> lines, int indent) {
        String pad = " ".repeat(indent);
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append('\n').append(pad).append(line.replace("\n", "\n" + pad));
        }
        return text.toString();
    }

    /** "1 message" or "2 messages". */
    public static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
