package dev.simstack.core.report;

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

/** Stores each order of a batch in the table {@code TABLE}; a batch with a {@code poison} order fails whole. */
public final class StoreOrFailHandler implements RequestHandler<SQSEvent, Void> {

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
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            if (message.getBody().equals("poison")) {
                throw new IllegalArgumentException("cannot parse order 'poison'");
            }
            dynamo.putItem(b -> b.tableName(FunctionEnvironment.get(context, "TABLE"))
                    .item(Map.of("id", AttributeValue.fromS(message.getBody()))));
        }
        return null;
    }
}
