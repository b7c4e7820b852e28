package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * How ImportTable reads one S3 object ("DynamoDB data import from Amazon S3: formats"): decompressed as the
 * request says, then DYNAMODB_JSON (one {@code {"Item": {...}}} per line, as an export writes them) or CSV (a
 * header from {@code HeaderList} or else the object's first line; key attributes typed by the table's attribute
 * definitions, every other attribute a string, empty fields left out). A line that cannot be read, or whose item
 * the table refuses, is an error counted, and the import goes on.
 *
 * @param format DYNAMODB_JSON or CSV
 * @param headerList the CSV header given in the request, or null to read each object's first line
 * @param keyTypes the types (S, N, B) of the table's key attributes, by name
 */
record ImportFormat(String format, boolean gzip, char delimiter, List<String> headerList,
        Map<String, String> keyTypes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one object gave: lines read as items (blank lines are none) and lines refused. */
    record Read(long items, long errors) {
    }

    /** Reads {@code object}, handing each item to {@code store}, which answers false when the table refuses it. */
    Read read(byte[] object, Predicate<AttributeMap> store) {
        String text;
        try {
            text = new String(gzip ? decompress(object) : object, StandardCharsets.UTF_8);
        } catch (IOException notGzip) {
            return new Read(0, 1); // the object as a whole cannot be read
        }
        return format.equals("CSV") ? readCsv(text, store) : readJson(text, store);
    }

    private Read readJson(String text, Predicate<AttributeMap> store) {
        long items = 0;
        long errors = 0;
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            items++;
            AttributeMap item = jsonItem(line);
            if (item == null || !store.test(item)) {
                errors++;
            }
        }
        return new Read(items, errors);
    }

    private static AttributeMap jsonItem(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject() || node.size() != 1 || !node.path("Item").isObject()) {
                return null;
            }
            return AttributeValueCodec.readItem(node.get("Item"));
        } catch (IOException | AwsException unreadable) {
            return null;
        }
    }

    private Read readCsv(String text, Predicate<AttributeMap> store) {
        List<List<String>> records = CsvRecords.parse(text, delimiter);
        List<String> header = headerList;
        int first = 0;
        if (header == null) {
            if (records.isEmpty()) {
                return new Read(0, 0);
            }
            header = records.get(0);
            first = 1;
        }
        long items = 0;
        long errors = 0;
        for (List<String> record : records.subList(first, records.size())) {
            items++;
            AttributeMap item = csvItem(header, record);
            if (item == null || !store.test(item)) {
                errors++;
            }
        }
        return new Read(items, errors);
    }

    private AttributeMap csvItem(List<String> header, List<String> record) {
        if (record.size() > header.size()) {
            return null;
        }
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < record.size(); i++) {
            String value = record.get(i);
            if (!value.isEmpty()) {
                item.putObject(header.get(i)).put(keyTypes.getOrDefault(header.get(i), "S"), value);
            }
        }
        try {
            return AttributeValueCodec.readItem(item);
        } catch (AwsException unreadable) {
            return null; // a key attribute of type N or B whose text is not one
        }
    }

    private static byte[] decompress(byte[] object) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(object))) {
            return in.readAllBytes();
        }
    }
}
