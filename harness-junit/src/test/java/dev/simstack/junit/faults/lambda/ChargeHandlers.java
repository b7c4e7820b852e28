package dev.simstack.junit.faults.lambda;

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

/** Handlers of an SQS batch of orders that charge each order: naively, and with a conditional write. */
public final class ChargeHandlers {

    private ChargeHandlers() {
    }

    static DynamoDbClient dynamo(Context context) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(FunctionEnvironment.get(context, "AWS_ENDPOINT_URL")))
                .region(Region.of(FunctionEnvironment.get(context, "AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fn", "fn")))
                .build();
    }

    static String orderId(SQSEvent.SQSMessage message) {
        return message.getBody().replaceAll(".*\"orderId\"\\s*:\\s*\"([^\"]*)\".*", "$1");
    }

    /** Charges every delivery: a new payment item, keyed by the delivery. */
    public static final class Naive implements RequestHandler<SQSEvent, Void> {
        private DynamoDbClient dynamo;

        @Override
        public Void handleRequest(SQSEvent event, Context context) {
            dynamo = dynamo == null ? dynamo(context) : dynamo;
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                String delivery = message.getMessageId() + "/" + message.getAttributes().get("ApproximateReceiveCount");
                dynamo.putItem(b -> b.tableName("payments").item(Map.of(
                        "paymentId", AttributeValue.fromS(delivery),
                        "orderId", AttributeValue.fromS(orderId(message)))));
            }
            return null;
        }
    }

    // docs:conditional-charge-start
    /** Charges each order once: a redelivered order's write is refused by its condition. */
    public static final class Conditional implements RequestHandler<SQSEvent, Void> {
        private DynamoDbClient dynamo;

        @Override
        public Void handleRequest(SQSEvent event, Context context) {
            dynamo = dynamo == null ? dynamo(context) : dynamo;
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                try {
                    dynamo.putItem(b -> b.tableName("payments")
                            .item(Map.of("paymentId", AttributeValue.fromS(orderId(message)),
                                    "orderId", AttributeValue.fromS(orderId(message))))
                            .conditionExpression("attribute_not_exists(paymentId)"));
                } catch (ConditionalCheckFailedException charged) {
                    // charged by an earlier delivery that crashed before its batch was deleted
                }
            }
            return null;
        }
    }
    // docs:conditional-charge-end

    /** Answers its input in upper case. */
    public static final class Echo implements RequestHandler<String, String> {
        @Override
        public String handleRequest(String input, Context context) {
            return input.toUpperCase(java.util.Locale.ROOT);
        }
    }
}
