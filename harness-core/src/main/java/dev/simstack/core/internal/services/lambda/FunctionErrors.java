package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The error documents the Java runtime returns as the payload of a failed invocation (with
 * {@code X-Amz-Function-Error: Unhandled}): {@code errorMessage}, {@code errorType}, {@code stackTrace}
 * (and the {@code cause}, as the runtime's serializer adds it).
 */
final class FunctionErrors {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ENGINE_PACKAGE = "dev.simstack.core.internal";

    private FunctionErrors() {
    }

    static byte[] unhandled(Throwable error) {
        return bytes(describe(error, 0));
    }

    private static ObjectNode describe(Throwable error, int depth) {
        ObjectNode doc = NODES.objectNode();
        doc.put("errorMessage", error.getMessage());
        doc.put("errorType", error.getClass().getName());
        ArrayNode trace = doc.putArray("stackTrace");
        for (StackTraceElement frame : error.getStackTrace()) {
            if (frame.getClassName().startsWith(ENGINE_PACKAGE) || frame.getClassName().startsWith("jdk.internal")
                    || frame.getClassName().startsWith("java.lang.reflect")) {
                break; // the runtime's own frames are not the function's
            }
            trace.add(frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
                    + frame.getLineNumber() + ")");
        }
        if (error.getCause() != null && error.getCause() != error && depth < 5) {
            doc.set("cause", describe(error.getCause(), depth + 1));
        }
        return doc;
    }

    /** "Task timed out after 3.00 seconds", as AWS writes it, with the time and request id before it. */
    static byte[] timeout(Instant now, String requestId, int seconds) {
        ObjectNode doc = NODES.objectNode();
        doc.put("errorMessage", now + " " + requestId + " Task timed out after " + seconds + ".00 seconds");
        return bytes(doc);
    }

    /** The runtime process exited before reporting the result, as AWS reports a crashed runtime. */
    static byte[] exitError(String requestId) {
        ObjectNode doc = NODES.objectNode();
        doc.put("errorMessage", "RequestId: " + requestId + " Error: Runtime exited with error: exit status 1");
        doc.put("errorType", "Runtime.ExitError");
        return bytes(doc);
    }

    static byte[] loadError(HandlerInvoker.HandlerLoadException error) {
        ObjectNode doc = NODES.objectNode();
        doc.put("errorMessage", error.getMessage());
        doc.put("errorType", error.getCause() instanceof ClassNotFoundException
                ? "java.lang.ClassNotFoundException" : "java.lang.RuntimeException");
        return bytes(doc);
    }

    private static byte[] bytes(ObjectNode doc) {
        return doc.toString().getBytes(StandardCharsets.UTF_8);
    }
}
