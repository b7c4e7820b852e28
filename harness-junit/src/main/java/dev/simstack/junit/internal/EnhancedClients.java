package dev.simstack.junit.internal;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB Enhanced clients over the stack's injected DynamoDB clients; loaded only when asked for. */
final class EnhancedClients {

    private EnhancedClients() {
    }

    static Object of(Class<?> type, SdkClients clients, String region) {
        if (type == DynamoDbEnhancedAsyncClient.class) {
            return DynamoDbEnhancedAsyncClient.builder()
                    .dynamoDbClient((DynamoDbAsyncClient) clients.client(DynamoDbAsyncClient.class, region)).build();
        }
        return DynamoDbEnhancedClient.builder()
                .dynamoDbClient((DynamoDbClient) clients.client(DynamoDbClient.class, region)).build();
    }
}
