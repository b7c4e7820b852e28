package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.json.JsonTrees;
import dev.simstack.core.internal.protocol.restjson.RestMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Invoke: RequestResponse answers the handler's output (200, with {@code X-Amz-Function-Error:
 * Unhandled} when it failed), Event queues it (202), DryRun only checks (204). A payload that is not JSON
 * is refused before any handler runs, as Lambda does.
 */
final class InvokeAction {

    /** "6 MB each for request and response (synchronous)" (Lambda quotas). */
    private static final int MAX_SYNC_PAYLOAD = 6 * 1024 * 1024;
    /** Asynchronous invocations take 1 MB (raised from 256 KB in 2025). */
    private static final int MAX_ASYNC_PAYLOAD = 1024 * 1024;

    private final LambdaPort port;
    private final JsonTrees json = new JsonTrees();

    InvokeAction(LambdaPort port) {
        this.port = port;
    }

    void register(OperationTable<LambdaOperation> operations) {
        operations.put("Invoke", this::invoke);
    }

    private CompletableFuture<JsonNode> invoke(DecodedCall call, Input input) {
        JsonNode raw = input.node();
        FunctionRef ref = FunctionRef.parse(input.requiredString("FunctionName"), input.string("Qualifier"));
        // A name or ARN in FunctionName is looked up in the region the request is signed for.
        LambdaFunction function = port.function(ResourceRef.function(call.region(), call.accountId(), ref.name()));
        String type = RestMessage.header(raw, "X-Amz-Invocation-Type");
        type = type == null ? "RequestResponse" : type;
        byte[] payload = RestMessage.body(raw);
        checkPayload(payload, type.equals("Event") ? MAX_ASYNC_PAYLOAD : MAX_SYNC_PAYLOAD);
        switch (type) {
            case "DryRun":
                port.dryRun(function, ref.qualifier());
                return CompletableFuture.completedFuture(RestMessage.answer(204, null, Map.of(), new byte[0]));
            case "Event":
                port.invokeEvent(function, ref.qualifier(), payload, LambdaPort.INVOKE_EVENT);
                return CompletableFuture.completedFuture(RestMessage.answer(202, null, Map.of(), new byte[0]));
            case "RequestResponse":
                boolean tail = "Tail".equals(RestMessage.header(raw, "X-Amz-Log-Type"));
                return port.invoke(function, ref.qualifier(), payload, LambdaPort.INVOKE, List.of())
                        .thenApply(result -> answer(result, function, tail));
            default:
                port.dryRun(function, ref.qualifier()); // an unknown version is reported before the type
                throw LambdaErrors.invalidParameter("1 validation error detected: Value '" + type + "' at "
                        + "'invocationType' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[Event, RequestResponse, DryRun]");
        }
    }

    private void checkPayload(byte[] payload, int max) {
        if (payload.length > max) {
            throw new AwsException("RequestTooLargeException", 413, "Request must be smaller than " + max
                    + " bytes for the InvokeFunction operation");
        }
        if (payload.length == 0) {
            return;
        }
        try {
            json.read(payload);
        } catch (IOException e) {
            throw LambdaErrors.invalidRequestContent("Could not parse request body into json: Could not parse "
                    + "payload into json: " + firstLine(e.getMessage()));
        }
    }

    private static JsonNode answer(InvocationResult result, LambdaFunction function, boolean tail) {
        if (result.throttled()) {
            throw "ReservedFunctionConcurrentInvocationLimitExceeded".equals(result.throttleReason())
                    ? LambdaErrors.reservedLimit() : LambdaErrors.accountLimit();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Amz-Executed-Version", result.version());
        headers.put("x-amzn-RequestId", result.requestId());
        if (result.functionError() != null) {
            headers.put("X-Amz-Function-Error", result.functionError());
        }
        if (tail) {
            headers.put("X-Amz-Log-Result", logTail(result, config(function, result.version())));
        }
        return RestMessage.answer(200, "application/json", headers, result.payload());
    }

    private static FunctionConfig config(LambdaFunction function, String version) {
        return version.equals("$LATEST") ? function.config() : function.version(Integer.parseInt(version));
    }

    /** The last 4 KB of the invocation's log, base64, as {@code LogType: Tail} returns it. */
    private static String logTail(InvocationResult result, FunctionConfig config) {
        StringBuilder log = new StringBuilder("START RequestId: ").append(result.requestId()).append(" Version: ")
                .append(result.version()).append('\n');
        result.logs().forEach(line -> log.append(line).append(line.endsWith("\n") ? "" : "\n"));
        log.append("END RequestId: ").append(result.requestId()).append('\n');
        log.append("REPORT RequestId: ").append(result.requestId()).append("\tDuration: ")
                .append(result.durationMillis()).append(".00 ms\tBilled Duration: ")
                .append(Math.max(1, result.durationMillis())).append(" ms\tMemory Size: ").append(config.memorySize())
                .append(" MB\tMax Memory Used: ").append(config.memorySize()).append(" MB\t\n");
        byte[] bytes = log.toString().getBytes(StandardCharsets.UTF_8);
        int from = Math.max(0, bytes.length - 4096);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, from, bytes.length));
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
