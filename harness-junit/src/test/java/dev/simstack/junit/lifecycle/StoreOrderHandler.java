package dev.simstack.junit.lifecycle;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.simstack.core.FunctionEnvironment;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stores each order of an SQS batch in table {@code TABLE}. Its client is built once per execution
 * environment and never closed, as real functions do: the leak test checks that this costs nothing once
 * the stack has closed.
 */
public final class StoreOrderHandler implements RequestHandler<SQSEvent, Void> {

    private DynamoDbClient dynamo;

    @Override
    public Void handleRequest(SQSEvent event, Context context) {
        if (dynamo == null) {
            dynamo = DynamoDbClient.builder()
                    .endpointOverride(URI.create(FunctionEnvironment.get(context, "AWS_ENDPOINT_URL")))
                    .region(Region.of(FunctionEnvironment.get(context, "AWS_REGION")))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fn", "fn")))
                    .httpClientBuilder(ApacheHttpClient.builder()).build();
        }
        String table = FunctionEnvironment.get(context, "TABLE");
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            dynamo.putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS(message.getBody()))));
        }
        return null;
    }
}
