package dev.simstack.core.internal.services.s3.select;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** JSON records read into maps, lists, text, BigDecimal numbers and booleans, and written back. */
final class JsonText {

    /** Configured once and never changed: Jackson's mappers are safe to share once configured. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private JsonText() {
    }

    /** Each top-level value of {@code input} (a document, concatenated documents, or JSON Lines). */
    static void read(InputStream input, Consumer<Object> each) {
        try (MappingIterator<Object> values = JSON.readerFor(Object.class).readValues(input)) {
            while (values.hasNextValue()) {
                each.accept(normalize(values.nextValue()));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof dev.simstack.core.AwsException aws) {
                throw aws;
            }
            throw SelectErrors.of("JSONParsingError", "Error parsing JSON file. Please check the file and try again.");
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object normalize(Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), normalize(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(normalize(v)));
            return copy;
        }
        return value;
    }
}
