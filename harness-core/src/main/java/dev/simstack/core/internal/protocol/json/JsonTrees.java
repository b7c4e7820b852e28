package dev.simstack.core.internal.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Reads and writes JSON trees with jackson-core's streaming parser and generator only. An
 * {@code ObjectMapper} costs about 100 ms of class loading in a fresh JVM, a large share of a stack's
 * cold start, and the engine needs nothing of data binding.
 */
public final class JsonTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    /** Deeper documents than any AWS shape are refused rather than risking the stack. */
    private static final int MAX_DEPTH = 64;
    /**
     * A string may be as long as a request (the front door's 64 MB), not Jackson's default 20 MB: CreateFunction's
     * {@code ZipFile} carries a package of up to 50 MB as base64.
     */
    private static final int MAX_STRING_LENGTH = 64 * 1024 * 1024;

    private final JsonFactory factory;

    public JsonTrees() {
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH).build())
                .build();
    }

    /** Parses one JSON value; null for an empty document. Trailing content is an error. */
    public JsonNode read(byte[] json) throws IOException {
        try (JsonParser parser = factory.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            JsonNode value = value(parser, first);
            if (parser.nextToken() != null) {
                throw new IOException("unexpected content after the JSON value at offset "
                        + parser.currentLocation().getByteOffset());
            }
            return value;
        }
    }

    private JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                ObjectNode object = NODES.objectNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken()));
                }
                return object;
            case START_ARRAY:
                ArrayNode array = NODES.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next));
                }
                return array;
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? NODES.numberNode(parser.getBigIntegerValue()) : NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IOException("unexpected " + token + " at offset " + parser.currentLocation().getByteOffset());
        }
    }

    /** Parses JSON text (an attribute holding a policy, say); an empty text gives a missing node. */
    public JsonNode read(String json) throws IOException {
        JsonNode value = read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return value == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : value;
    }

    /** Writes {@code node} as compact JSON. */
    public byte[] write(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = factory.createGenerator(out)) {
            write(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator out, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT:
                out.writeStartObject();
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    out.writeFieldName(member.getKey());
                    write(out, member.getValue());
                }
                out.writeEndObject();
                break;
            case ARRAY:
                out.writeStartArray();
                for (JsonNode element : node) {
                    write(out, element);
                }
                out.writeEndArray();
                break;
            case STRING:
                out.writeString(node.textValue());
                break;
            case NUMBER:
                writeNumber(out, node);
                break;
            case BOOLEAN:
                out.writeBoolean(node.booleanValue());
                break;
            case BINARY:
                out.writeBinary(node.binaryValue());
                break;
            default:
                out.writeNull();
        }
    }

    private static void writeNumber(JsonGenerator out, JsonNode node) throws IOException {
        if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) {
                out.writeNumber(node.longValue());
            } else {
                out.writeNumber(node.bigIntegerValue());
            }
        } else if (node.isBigDecimal()) {
            out.writeNumber(node.decimalValue());
        } else {
            out.writeNumber(node.doubleValue());
        }
    }
}
