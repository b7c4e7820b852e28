package dev.simstack.assertions.ledger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.simstack.core.FunctionEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Workers that charge each order of their queue at the payment provider their {@code PAYMENTS_URL} names, with
 * the JDK HttpClient, sending the order id as the charge's {@code Idempotency-Key}.
 */
final class ChargeWorkers {

    private ChargeWorkers() {
    }

    /** Charges for every message: an order sent twice is charged twice. */
    public static final class Naive implements RequestHandler<SQSEvent, Void> {

        private final HttpClient http = HttpClient.newHttpClient();

        @Override
        public Void handleRequest(SQSEvent event, Context context) {
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                charge(http, context, orderId(message));
            }
            return null;
        }
    }

    /** Records the order in table {@code charges} on condition it is not there, and charges only then. */
    public static final class Once implements RequestHandler<SQSEvent, Void> {

        private final HttpClient http = HttpClient.newHttpClient();
        private DynamoDbClient dynamo;

        @Override
        public Void handleRequest(SQSEvent event, Context context) {
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                // docs:charge-once-start
                String orderId = orderId(message);
                try {
                    dynamo(context).putItem(b -> b.tableName("charges")
                            .item(Map.of("orderId", AttributeValue.fromS(orderId)))
                            .conditionExpression("attribute_not_exists(orderId)"));
                } catch (ConditionalCheckFailedException charged) {
                    continue; // an earlier message of the same order was charged: do not charge again
                }
                charge(http, context, orderId);
                // docs:charge-once-end
            }
            return null;
        }

        private DynamoDbClient dynamo(Context context) {
            if (dynamo == null) {
                dynamo = DynamoDbClient.builder()
                        .endpointOverride(URI.create(FunctionEnvironment.get(context, "AWS_ENDPOINT_URL")))
                        .region(Region.of(FunctionEnvironment.get(context, "AWS_REGION")))
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fn", "fn")))
                        .build();
            }
            return dynamo;
        }
    }

    static String orderId(SQSEvent.SQSMessage message) {
        return message.getBody().replaceAll(".*\"orderId\"\\s*:\\s*\"([^\"]*)\".*", "$1");
    }

    static void charge(HttpClient http, Context context, String orderId) {
        HttpRequest charge = HttpRequest.newBuilder(URI.create(FunctionEnvironment.get(context, "PAYMENTS_URL")
                        + "/charges"))
                .header("Content-Type", "application/json").header("Idempotency-Key", orderId)
                .POST(HttpRequest.BodyPublishers.ofString("{\"orderId\":\"" + orderId + "\",\"amount\":1500}"))
                .build();
        try {
            HttpResponse<String> answer = http.send(charge, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 300) {
                throw new IllegalStateException("charging " + orderId + " answered " + answer.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
