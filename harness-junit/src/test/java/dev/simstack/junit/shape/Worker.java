package dev.simstack.junit.shape;

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

/** Stores each order of an SQS batch in the {@code orders} table, keyed by the message body's id. */
public final class Worker implements RequestHandler<SQSEvent, Void> {

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
            String id = message.getBody().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]*)\".*", "$1");
            dynamo.putItem(b -> b.tableName("orders").item(Map.of(
                    "id", AttributeValue.fromS(id),
                    "body", AttributeValue.fromS(message.getBody()))));
        }
        return null;
    }
}
