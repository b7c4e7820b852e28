package dev.simstack.core.internal.services.s3.select;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Splits CSV text into records of fields as S3 Select reads them (RFC 4180 quoting, S3's settings). */
final class CsvInput {

    private final CsvFormat format;
    private final String text;
    private int at;

    private CsvInput(CsvFormat format, String text) {
        this.format = format;
        this.text = text;
    }

    /** Each record of {@code text}; the header line is named (USE), skipped (IGNORE) or a record (NONE). */
    static void read(CsvFormat format, String text, Consumer<SelectRecord> each) {
        CsvInput input = new CsvInput(format, text);
        List<String> headers = null;
        boolean first = true;
        List<String> fields;
        while ((fields = input.record()) != null) {
            if (first && !format.fileHeaderInfo().equals("NONE")) {
                first = false;
                headers = format.fileHeaderInfo().equals("USE") ? fields : null;
                continue;
            }
            first = false;
            each.accept(new CsvRecord(fields, headers));
        }
    }

    /** The next record's fields, or null at the end; comment and empty lines are skipped. */
    private List<String> record() {
        while (at < text.length()) {
            if (format.comments() != null && text.startsWith(format.comments(), at)
                    || text.startsWith(format.recordDelimiter(), at)) {
                skipLine();
                continue;
            }
            return fields();
        }
        return null;
    }

    private void skipLine() {
        int end = text.indexOf(format.recordDelimiter(), at);
        at = end < 0 ? text.length() : end + format.recordDelimiter().length();
    }

    private List<String> fields() {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (quoted) {
                if (c == format.quoteEscape() && at + 1 < text.length() && text.charAt(at + 1) == format.quote()) {
                    field.append(format.quote());
                    at += 2;
                    continue;
                }
                if (c == format.quote()) {
                    quoted = false;
                    at++;
                    continue;
                }
                if (!format.allowQuotedRecordDelimiter() && text.startsWith(format.recordDelimiter(), at)) {
                    break;
                }
                field.append(c);
                at++;
            } else if (c == format.quote()) {
                quoted = true;
                at++;
            } else if (text.startsWith(format.fieldDelimiter(), at)) {
                fields.add(field.toString());
                field.setLength(0);
                at += format.fieldDelimiter().length();
            } else if (text.startsWith(format.recordDelimiter(), at)) {
                break;
            } else {
                field.append(c);
                at++;
            }
        }
        at = Math.min(text.length(), at + format.recordDelimiter().length());
        if (format.recordDelimiter().equals("\n") && field.length() > 0 && field.charAt(field.length() - 1) == '\r') {
            field.setLength(field.length() - 1);
        }
        fields.add(field.toString());
        return fields;
    }
}
