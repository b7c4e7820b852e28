package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsService;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.arn.ResourceArns;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.engine.StackContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The SQS calls an event source mapping's pollers make, handed to the SQS service in-process (no HTTP,
 * no interceptors, as AWS's pollers are internal) but through its own operations, so receive counts,
 * redrive to the dead-letter queue, long-poll wake-ups and the ledger all apply unchanged.
 */
final class InProcessSqs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The poller's identity in the ledger's consumer column. */
    static final String POLLER = "lambda-event-source-mapping";

    private final Service sqs;
    private final StackContext context;

    InProcessSqs(Service sqs, StackContext context) {
        this.sqs = sqs;
        this.context = context;
    }

    /** Does the queue exist? */
    boolean exists(String queueArn) {
        try {
            call(queueArn, "GetQueueAttributes", NODES.objectNode()).toCompletableFuture().join();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** ReceiveMessage with every attribute, long polling up to {@code waitSeconds}. */
    CompletionStage<List<JsonNode>> receive(String queueArn, int max, int waitSeconds) {
        ObjectNode input = NODES.objectNode();
        input.put("MaxNumberOfMessages", max);
        input.put("WaitTimeSeconds", waitSeconds);
        input.putArray("MessageSystemAttributeNames").add("All");
        input.putArray("MessageAttributeNames").add("All");
        return call(queueArn, "ReceiveMessage", input).thenApply(output -> {
            List<JsonNode> messages = new java.util.ArrayList<>();
            output.path("Messages").forEach(messages::add);
            return messages;
        });
    }

    /** DeleteMessageBatch, ten handles per call as SQS allows. */
    void delete(String queueArn, List<String> receiptHandles) {
        for (int from = 0; from < receiptHandles.size(); from += 10) {
            ObjectNode input = NODES.objectNode();
            ArrayNode entries = input.putArray("Entries");
            List<String> chunk = receiptHandles.subList(from, Math.min(from + 10, receiptHandles.size()));
            for (int i = 0; i < chunk.size(); i++) {
                entries.addObject().put("Id", "m" + i).put("ReceiptHandle", chunk.get(i));
            }
            call(queueArn, "DeleteMessageBatch", input);
        }
    }

    private CompletionStage<JsonNode> call(String queueArn, String operation, ObjectNode input) {
        ResourceRef queue = ResourceArns.of(AwsService.SQS, queueArn);
        if (queue == null) {
            return CompletableFuture.failedFuture(LambdaErrors.invalidParameter("Not an SQS queue ARN: " + queueArn));
        }
        input.put("QueueUrl", "http://localhost/" + queue.account() + "/" + queue.name());
        DecodedCall call = new DecodedCall("sqs", operation, queue.region(), context.accountId(), context.ids().next(),
                "engine", POLLER, null, context.clock().now(), input);
        try {
            return sqs.invoke(call);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
