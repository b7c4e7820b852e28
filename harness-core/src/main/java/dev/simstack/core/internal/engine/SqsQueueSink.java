package dev.simstack.core.internal.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The {@link QueueSink} of a stack: a SendMessage call handed straight to the SQS service (not through
 * HTTP, nor through the interceptors, as AWS's internal deliveries do not pass a client's throttling),
 * in the region and account the queue ARN names.
 */
final class SqsQueueSink implements QueueSink {

    private static final String ARN_PREFIX = "arn:aws:sqs:";

    private final Service sqs;
    private final StackContext context;

    SqsQueueSink(Service sqs, StackContext context) {
        this.sqs = sqs;
        this.context = context;
    }

    @Override
    public void send(String queueArn, String body) {
        String[] parts = queueArn.startsWith(ARN_PREFIX) ? queueArn.substring(ARN_PREFIX.length()).split(":", -1)
                : new String[0];
        if (parts.length != 3 || !parts[1].equals(context.accountId())) {
            throw new AwsException("QueueDoesNotExist", 400, "The specified queue does not exist: " + queueArn);
        }
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.put("QueueUrl", "http://localhost/" + parts[1] + "/" + parts[2]);
        input.put("MessageBody", body);
        DecodedCall call = new DecodedCall("sqs", "SendMessage", parts[0], context.accountId(), context.ids().next(),
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
