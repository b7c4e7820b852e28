package dev.simstack.core.internal.services.s3.select;

import dev.simstack.core.internal.protocol.restxml.XmlReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes answered records as the request's OutputSerialization asks: CSV lines or JSON records. */
final class SelectOutput {

    private final CsvFormat csv;
    private final String jsonDelimiter;

    private SelectOutput(CsvFormat csv, String jsonDelimiter) {
        this.csv = csv;
        this.jsonDelimiter = jsonDelimiter;
    }

    static SelectOutput parse(XmlReader output) {
        if (output == null) {
            throw SelectErrors.of("MissingRequiredParameter", "The OutputSerialization is missing.");
        }
        XmlReader csv = output.child("CSV");
        if (csv != null) {
            return new SelectOutput(CsvFormat.parse(csv), null);
        }
        XmlReader json = output.child("JSON");
        if (json == null) {
            throw SelectErrors.of("InvalidDataSource", "The OutputSerialization must be CSV or JSON.");
        }
        String delimiter = json.text("RecordDelimiter");
        return new SelectOutput(null, delimiter == null || delimiter.isEmpty() ? "\n" : delimiter);
    }

    String write(SelectStatement.Answer answer) {
        if (csv != null) {
            return csvLine(answer.whole() != null ? fields(answer.whole().whole()) : new ArrayList<>(answer.values()
                    .values()));
        }
        Object json = answer.whole() != null ? answer.whole().whole() : withoutMissing(answer.values());
        return JsonText.write(json) + jsonDelimiter;
    }

    private static List<Object> fields(Object whole) {
        if (whole instanceof Map<?, ?> map) {
            return new ArrayList<>(map.values());
        }
        return whole instanceof Collection<?> list ? new ArrayList<>(list) : List.of(whole);
    }

    private static Map<String, Object> withoutMissing(Map<String, Object> values) {
        Map<String, Object> present = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value != SqlValues.MISSING) {
                present.put(name, value);
            }
        });
        return present;
    }

    private String csvLine(List<Object> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(csv.fieldDelimiter());
            }
            String text = SqlValues.render(values.get(i));
            boolean quote = csv.quoteAlways() || text.contains(csv.fieldDelimiter())
                    || text.indexOf(csv.quote()) >= 0 || text.contains(csv.recordDelimiter()) || text.contains("\r");
            if (quote) {
                line.append(csv.quote()).append(text.replace(String.valueOf(csv.quote()), "" + csv.quoteEscape()
                        + csv.quote())).append(csv.quote());
            } else {
                line.append(text);
            }
        }
        return line.append(csv.recordDelimiter()).toString();
    }
}
