package dev.simstack.assertions.ledger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.simstack.core.FunctionEnvironment;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The bug {@code noneLost()} catches: a worker that deletes each message first, then crashes before it
 * stores the order. The event source mapping cannot redeliver what the worker already deleted.
 */
public final class DeleteBeforeWriteWorker implements RequestHandler<SQSEvent, Void> {

    private SqsClient sqs;

    @Override
    public Void handleRequest(SQSEvent event, Context context) {
        if (sqs == null) {
            sqs = SqsClient.builder()
                    .endpointOverride(URI.create(FunctionEnvironment.get(context, "AWS_ENDPOINT_URL")))
                    .region(Region.of(FunctionEnvironment.get(context, "AWS_REGION")))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fn", "fn")))
                    .build();
        }
        // docs:delete-first-start
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            String queue = message.getEventSourceArn().substring(message.getEventSourceArn().lastIndexOf(':') + 1);
            String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
            sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.getReceiptHandle()));
            throw new IllegalStateException("crashed before storing the order");
        }
        // docs:delete-first-end
        return null;
    }
}
