package dev.simstack.junit.backends;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A handler of a table's stream deployed from a package on a remote backend: each record's key {@code id} (with its
 * event name) becomes an item of the table its {@code AUDIT} variable names. It reads the stream event as a map and
 * its environment as {@link RecordsOrders} does, reaching the service at {@code AWS_ENDPOINT_URL} when one is set.
 */
public class AuditsOrders implements RequestHandler<Map<String, Object>, Void> {

    @Override
    @SuppressWarnings("unchecked")
    public Void handleRequest(Map<String, Object> event, Context context) {
        Map<String, String> environment = RecordsOrders.environment(context);
        DynamoDbClientBuilder builder = DynamoDbClient.builder().region(Region.of(environment.get("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        environment.get("AWS_ACCESS_KEY_ID"), environment.get("AWS_SECRET_ACCESS_KEY"),
                        environment.get("AWS_SESSION_TOKEN"))));
        if (environment.get("AWS_ENDPOINT_URL") != null) {
            builder.endpointOverride(URI.create(environment.get("AWS_ENDPOINT_URL")));
        }
        try (DynamoDbClient dynamo = builder.build()) {
            for (Map<String, Object> record : (List<Map<String, Object>>) event.get("Records")) {
                Map<String, Object> keys = (Map<String, Object>) ((Map<String, Object>) record.get("dynamodb"))
                        .get("Keys");
                String id = (String) ((Map<String, Object>) keys.get("id")).get("S");
                dynamo.putItem(b -> b.tableName(environment.get("AUDIT")).item(Map.of(
                        "id", AttributeValue.fromS(id), "event", AttributeValue.fromS((String) record.get("eventName")))));
            }
        }
        return null;
    }
}
