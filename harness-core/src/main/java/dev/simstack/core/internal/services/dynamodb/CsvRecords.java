package dev.simstack.core.internal.services.dynamodb;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records as ImportTable reads it (RFC 4180): a delimiter of one character, fields in
 * double quotes may hold the delimiter, line breaks and doubled quotes; records end at LF or CRLF.
 */
final class CsvRecords {

    private CsvRecords() {
    }

    /** The records of {@code text}; a blank line is no record. */
    static List<List<String>> parse(String text, char delimiter) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                end(records, fields, field, any);
                fields = new ArrayList<>();
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        end(records, fields, field, any);
        return records;
    }

    private static void end(List<List<String>> records, List<String> fields, StringBuilder field, boolean any) {
        if (any) {
            fields.add(field.toString());
            records.add(fields);
        }
        field.setLength(0);
    }
}
