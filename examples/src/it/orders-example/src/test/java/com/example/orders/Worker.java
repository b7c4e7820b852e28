package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.simstack.core.FunctionEnvironment;
import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The worker: stores each order of an SQS batch in the orders table, keyed by the order's id. */
public class Worker implements RequestHandler<Map<String, Object>, Void> {

    private DynamoDbClient dynamo;

    @Override
    @SuppressWarnings("unchecked")
    public Void handleRequest(Map<String, Object> event, Context context) {
        if (dynamo == null) {
            dynamo = DynamoDbClient.builder()
                    .endpointOverride(URI.create(FunctionEnvironment.get(context, "AWS_ENDPOINT_URL")))
                    .region(Region.of(FunctionEnvironment.get(context, "AWS_REGION")))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fn", "fn")))
                    .build();
        }
        for (Map<String, Object> record : (List<Map<String, Object>>) event.get("Records")) {
            String body = (String) record.get("body");
            String id = body.replaceAll(".*\"id\"\\s*:\\s*\"([^\"]*)\".*", "$1");
            dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS(id),
                    "body", AttributeValue.fromS(body))));
        }
        return null;
    }
}
