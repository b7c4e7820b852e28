package dev.simstack.core.ports;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Test functions that record exactly what reached them; test-only shared state, cleared per test. */
public final class PortHandlers {

    /** The raw event bytes each function received, by function name. */
    static final ConcurrentHashMap<String, Queue<byte[]>> RAW = new ConcurrentHashMap<>();
    /** The typed SQS events each function received, by function name. */
    static final ConcurrentHashMap<String, Queue<SQSEvent>> SQS_EVENTS = new ConcurrentHashMap<>();

    private PortHandlers() {
    }

    static void clear() {
        RAW.clear();
        SQS_EVENTS.clear();
    }

    static Queue<byte[]> raw(String function) {
        return RAW.computeIfAbsent(function, f -> new ConcurrentLinkedQueue<>());
    }

    static Queue<SQSEvent> sqsEvents(String function) {
        return SQS_EVENTS.computeIfAbsent(function, f -> new ConcurrentLinkedQueue<>());
    }

    /** Records the event's bytes and answers them unchanged. */
    public static final class RawEcho implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            byte[] event = input.readAllBytes();
            raw(context.getFunctionName()).add(event);
            output.write(event);
        }
    }

    /** Records the event's bytes, then fails. */
    public static final class RawFailing implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            raw(context.getFunctionName()).add(input.readAllBytes());
            throw new IllegalStateException("printer on fire");
        }
    }

    /** Records the SQS event as the runtime's serializer reads it into aws-lambda-java-events' type. */
    public static final class TypedSqs implements RequestHandler<SQSEvent, String> {
        @Override
        public String handleRequest(SQSEvent event, Context context) {
            sqsEvents(context.getFunctionName()).add(event);
            return "ok";
        }
    }

    /** A Lambda proxy integration that answers the request's body and its base64 flag unchanged. */
    public static final class ProxyEcho implements RequestStreamHandler {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            byte[] event = input.readAllBytes();
            raw(context.getFunctionName()).add(event);
            JsonNode request = JSON.readTree(event);
            ObjectNode response = JSON.createObjectNode();
            response.put("statusCode", 200);
            response.set("body", request.get("body"));
            response.put("isBase64Encoded", request.path("isBase64Encoded").asBoolean(false));
            output.write(JSON.writeValueAsBytes(response));
        }
    }
}
