package dev.simstack.core.internal.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.AwsService;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.arn.ResourceArns;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The {@link QueueSink} of a stack: a SendMessage call handed straight to the SQS service (not through
 * HTTP, nor through the interceptors, as AWS's internal deliveries do not pass a client's throttling),
 * in the region and account the queue ARN names.
 */
final class SqsQueueSink implements QueueSink {

    private final Service sqs;
    private final StackContext context;

    SqsQueueSink(Service sqs, StackContext context) {
        this.sqs = sqs;
        this.context = context;
    }

    @Override
    public void send(String queueArn, String body) {
        ResourceRef queue = ResourceArns.of(AwsService.SQS, queueArn);
        if (queue == null || !queue.account().equals(context.accountId())) {
            throw new AwsException("QueueDoesNotExist", 400, "The specified queue does not exist: " + queueArn);
        }
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.put("QueueUrl", "http://localhost/" + queue.account() + "/" + queue.name());
        input.put("MessageBody", body);
        DecodedCall call = new DecodedCall("sqs", "SendMessage", queue.region(), context.accountId(), context.ids().next(),
                "engine", null, null, context.clock().now(), input);
        try {
            // SendMessage never waits, so the stage is already complete; join only unwraps its outcome.
            CompletableFuture<?> sent = sqs.invoke(call).toCompletableFuture();
            if (sent.isDone()) {
                sent.join();
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof AwsException aws ? aws : e;
        }
    }
}
