package dev.simstack.assertions.ledger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.simstack.core.FunctionEnvironment;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A naive worker that crashes after its side effect on a message's first delivery: the retry charges the order
 * again under a new payment id.
 */
public final class ChargeThenCrashWorker implements RequestHandler<SQSEvent, Void> {

    private DynamoDbClient dynamo;

    @Override
    public Void handleRequest(SQSEvent event, Context context) {
        if (dynamo == null) {
            dynamo = DynamoDbClient.builder()
                    .endpointOverride(URI.create(FunctionEnvironment.get(context, "AWS_ENDPOINT_URL")))
                    .region(Region.of(FunctionEnvironment.get(context, "AWS_REGION")))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fn", "fn")))
                    .build();
        }
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            String receiveCount = message.getAttributes().get("ApproximateReceiveCount");
            String orderId = message.getBody().replaceAll(".*\"orderId\"\\s*:\\s*\"([^\"]*)\".*", "$1");
            dynamo.putItem(b -> b.tableName("payments").item(Map.of(
                    "paymentId", AttributeValue.fromS(message.getMessageId() + "/" + receiveCount),
                    "orderId", AttributeValue.fromS(orderId))));
            if (receiveCount.equals("1")) {
                throw new IllegalStateException("crashed after charging");
            }
        }
        return null;
    }
}
