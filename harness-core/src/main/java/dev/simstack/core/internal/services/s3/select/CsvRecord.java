package dev.simstack.core.internal.services.s3.select;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CSV record: its fields, named {@code _1}, {@code _2}... by position and, when the request's
 * FileHeaderInfo is USE, by the first line's names.
 *
 * @param fields the record's fields, as text
 * @param headers the header line's names, or null when FileHeaderInfo is not USE
 */
record CsvRecord(List<String> fields, List<String> headers) implements SelectRecord {

    @Override
    public Object column(String name, boolean quoted) {
        if (!quoted && name.length() > 1 && name.charAt(0) == '_' && name.substring(1).chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(name.substring(1));
            if (index < 1) {
                throw SelectErrors.invalidColumnIndex(name);
            }
            return index <= fields.size() ? fields.get(index - 1) : SqlValues.MISSING;
        }
        if (headers == null) {
            throw SelectErrors.missingHeaders(name);
        }
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            if (quoted ? header.equals(name) : header.equalsIgnoreCase(name)) {
                return i < fields.size() ? fields.get(i) : SqlValues.MISSING;
            }
        }
        throw SelectErrors.missingHeaders(name);
    }

    @Override
    public Object whole() {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            columns.put(headers != null && i < headers.size() ? headers.get(i) : "_" + (i + 1), fields.get(i));
        }
        return columns;
    }
}
