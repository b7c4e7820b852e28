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
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The idempotent twin of {@link ChargeThenCrashWorker}: it also crashes after charging on a message's first
 * delivery, but charges conditionally, once per order, so the retry's write is refused.
 */
public final class ConditionalChargeThenCrashWorker implements RequestHandler<SQSEvent, Void> {

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
            String orderId = message.getBody().replaceAll(".*\"orderId\"\\s*:\\s*\"([^\"]*)\".*", "$1");
            try {
                dynamo.putItem(b -> b.tableName("charges").item(Map.of("orderId", AttributeValue.fromS(orderId)))
                        .conditionExpression("attribute_not_exists(orderId)"));
            } catch (ConditionalCheckFailedException charged) {
                // Charged by the crashed delivery already: nothing more to do.
            }
            if (message.getAttributes().get("ApproximateReceiveCount").equals("1")) {
                throw new IllegalStateException("crashed after charging");
            }
        }
        return null;
    }
}
