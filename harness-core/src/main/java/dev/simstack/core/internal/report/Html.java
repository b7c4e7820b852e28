package dev.simstack.core.internal.report;

import java.util.Locale;

/** Escaping and number formats for the report's HTML and SVG, which share one escaping rule. */
final class Html {

    private Html() {
    }

    /** Text made safe for element content and for attribute values in double quotes. */
    static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A coordinate with one decimal, which keeps SVG small and sharp enough. */
    static String px(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }

    /** A count with thousands separators: {@code 100,000}. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Seconds from the start of the run, as an axis or a list shows them: {@code +1.250 s}. */
    static String offset(long millis) {
        return String.format(Locale.ROOT, "+%d.%03d s", millis / 1000, Math.abs(millis % 1000));
    }
}
