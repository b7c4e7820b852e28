package dev.simstack.junit.backends;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A handler deployed from a package on a remote backend: each message's body becomes an item of the table its
 * {@code TABLE} variable names. It knows nothing of SimStack: it reads its environment as the sample app does
 * (a public {@code environmentVariables()} on its {@code Context}, else the process's) and reaches the service at
 * {@code AWS_ENDPOINT_URL} when one is set.
 */
public class RecordsOrders implements RequestHandler<SQSEvent, Void> {

    @Override
    public Void handleRequest(SQSEvent event, Context context) {
        Map<String, String> environment = environment(context);
        DynamoDbClientBuilder builder = DynamoDbClient.builder().region(Region.of(environment.get("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        environment.get("AWS_ACCESS_KEY_ID"), environment.get("AWS_SECRET_ACCESS_KEY"),
                        environment.get("AWS_SESSION_TOKEN"))));
        if (environment.get("AWS_ENDPOINT_URL") != null) {
            builder.endpointOverride(URI.create(environment.get("AWS_ENDPOINT_URL")));
        }
        try (DynamoDbClient dynamo = builder.build()) {
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                dynamo.putItem(b -> b.tableName(environment.get("TABLE"))
                        .item(Map.of("id", AttributeValue.fromS(message.getBody()))));
            }
        }
        return null;
    }

    /** The function's environment: from its {@code Context} where the runtime offers it, else the process's. */
    @SuppressWarnings("unchecked")
    static Map<String, String> environment(Context context) {
        for (Class<?> type : context.getClass().getInterfaces()) {
            if (Modifier.isPublic(type.getModifiers())) {
                try {
                    Method variables = type.getMethod("environmentVariables");
                    return (Map<String, String>) variables.invoke(context);
                } catch (ReflectiveOperationException e) {
                    // not this interface
                }
            }
        }
        return System.getenv();
    }
}
