package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.LedgerEntry.InvocationOutcome;
import dev.simstack.core.internal.engine.QueueSink;
import dev.simstack.core.internal.engine.StackContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous (Event) invocations, as "Asynchronous invocation" in the Lambda Developer Guide
 * describes them: the event waits in an internal queue; a function error is retried twice by default,
 * "one minute before the first retry, two minutes between the first and second"; throttles are retried
 * with back-off until the maximum event age. What is finally dropped goes to the OnFailure destination
 * and the function's dead-letter queue (SQS only); a success to the OnSuccess destination. All delays
 * run on the stack's clock.
 */
final class AsyncInvocations {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncInvocations.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Duration MAX_THROTTLE_BACKOFF = Duration.ofMinutes(5);

    private final StackContext context;
    private final FunctionRuntime runtime;
    private final QueueSink sink;

    private final class Event {
        final LambdaRegion region;
        final FunctionRuntime.Request request;
        final long enqueuedAt;
        final long generation;
        int attempts;
        int throttles;

        Event(LambdaRegion region, FunctionRuntime.Request request) {
            this.region = region;
            this.request = request;
            this.enqueuedAt = context.clock().millis();
            this.generation = runtime.generation();
        }
    }

    AsyncInvocations(StackContext context, FunctionRuntime runtime, QueueSink sink) {
        this.context = context;
        this.runtime = runtime;
        this.sink = sink;
    }

    void submit(LambdaRegion region, FunctionRuntime.Request request) {
        attempt(new Event(region, request));
    }

    private void attempt(Event event) {
        if (event.generation != runtime.generation()) {
            return; // the stack was reset: the event went with its function
        }
        runtime.invoke(event.request, event.region.limits()).thenAccept(result -> settle(event, result));
    }

    private void settle(Event event, InvocationResult result) {
        if (event.generation != runtime.generation()) {
            return; // reset while it ran: no retry, and no record for a destination that may be a new queue
        }
        LambdaFunction.EventInvokeConfig config = event.request.function().eventInvokeConfig();
        boolean tooOld = context.clock().millis() - event.enqueuedAt > config.maximumEventAgeSeconds() * 1000L;
        if (result.outcome() == InvocationOutcome.THROTTLED) {
            if (tooOld) {
                fail(event, result, "EventAgeExceeded");
                return;
            }
            event.throttles++;
            Duration backoff = Duration.ofSeconds(1L << Math.min(event.throttles, 8));
            retry(event, backoff.compareTo(MAX_THROTTLE_BACKOFF) > 0 ? MAX_THROTTLE_BACKOFF : backoff);
            return;
        }
        event.attempts++;
        if (!result.failed()) {
            deliver(config.onSuccess(), record(event, result, "Success"));
            return;
        }
        if (event.attempts > config.maximumRetryAttempts() || tooOld) {
            fail(event, result, tooOld ? "EventAgeExceeded" : "RetriesExhausted");
            return;
        }
        retry(event, Duration.ofMinutes(event.attempts));
    }

    private void retry(Event event, Duration delay) {
        context.clock().schedule(delay, () -> attempt(event));
    }

    private void fail(Event event, InvocationResult result, String condition) {
        LambdaFunction.EventInvokeConfig config = event.request.function().eventInvokeConfig();
        deliver(config.onFailure(), record(event, result, condition));
        String dlq = event.request.config().deadLetterArn();
        if (dlq != null) {
            deliver(dlq, new String(event.request.event(), StandardCharsets.UTF_8));
        }
    }

    private void deliver(String queueArn, String body) {
        if (queueArn == null) {
            return;
        }
        try {
            sink.send(ResourceRef.fromArn(queueArn), body);
        } catch (AwsException | IllegalArgumentException e) {
            LOG.warn("SimStack could not deliver an asynchronous invocation record to {}: {}", queueArn, e.toString());
        }
    }

    /** The invocation record AWS sends to destinations. */
    private String record(Event event, InvocationResult result, String condition) {
        ObjectNode record = NODES.objectNode();
        record.put("version", "1.0");
        record.put("timestamp", context.clock().now().toString());
        ObjectNode request = record.putObject("requestContext");
        request.put("requestId", result.requestId());
        request.put("functionArn", event.request.function().arn() + ":" + event.request.version());
        request.put("condition", condition);
        request.put("approximateInvokeCount", Math.max(1, event.attempts));
        record.set("requestPayload", json(event.request.event()));
        ObjectNode response = record.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", event.request.version());
        if (result.failed()) {
            response.put("functionError", "Unhandled");
        }
        if (result.payload() != null) {
            record.set("responsePayload", json(result.payload()));
        }
        return record.toString();
    }

    private static com.fasterxml.jackson.databind.JsonNode json(byte[] bytes) {
        try {
            var node = new dev.simstack.core.internal.protocol.json.JsonTrees().read(bytes);
            return node == null ? NODES.nullNode() : node;
        } catch (IOException e) {
            return NODES.textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
