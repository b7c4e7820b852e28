package dev.simstack.core.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stream functions that record the events they get, by function name, and fail on records marked to. */
public final class StreamHandlers {

    /** The events each function was invoked with, in order. */
    public static final ConcurrentHashMap<String, List<JsonNode>> EVENTS = new ConcurrentHashMap<>();

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamHandlers() {
    }

    private static JsonNode record(InputStream input, Context context) throws IOException {
        JsonNode event = JSON.readTree(input);
        EVENTS.computeIfAbsent(context.getFunctionName(), name -> new CopyOnWriteArrayList<>()).add(event);
        return event;
    }

    private static boolean marked(JsonNode record, String attribute) {
        return record.path("dynamodb").path("NewImage").has(attribute);
    }

    /** Succeeds. */
    public static final class Recorder implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            record(input, context);
            output.write("{}".getBytes());
        }
    }

    /** Fails the whole batch when a record's new image has a {@code poison} attribute. */
    public static final class PoisonFails implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            for (JsonNode record : record(input, context).path("Records")) {
                if (marked(record, "poison")) {
                    throw new IllegalStateException("poison " + record.path("dynamodb").path("Keys"));
                }
            }
            output.write("{}".getBytes());
        }
    }

    /** Reports the records whose new image has a {@code fail} attribute in {@code batchItemFailures}. */
    public static final class ReportsFailures implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            ObjectNode response = JSON.createObjectNode();
            ArrayNode failures = response.putArray("batchItemFailures");
            for (JsonNode record : record(input, context).path("Records")) {
                if (marked(record, "fail")) {
                    failures.addObject().put("itemIdentifier", record.path("dynamodb").path("SequenceNumber").asText());
                }
            }
            output.write(JSON.writeValueAsBytes(response));
        }
    }
}
