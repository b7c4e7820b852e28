package dev.simstack.core.dynamodb;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * One stack (manual clock, seed 1) with a DynamoDB client configured as an application would configure
 * it against the stack, and helpers that read like the tests' vocabulary. Close it after the test.
 */
final class DynamoDbTestSupport implements AutoCloseable {

    static final AwsBasicCredentials CREDENTIALS = AwsBasicCredentials.create("test", "test");

    final Stack stack;
    final DynamoDbClient dynamo;
    private DynamoDbAsyncClient async;

    private DynamoDbTestSupport(Stack stack) {
        this.stack = stack;
        this.dynamo = client(Region.US_EAST_1);
    }

    static DynamoDbTestSupport start() {
        return new DynamoDbTestSupport(StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(1).start());
    }

    static DynamoDbTestSupport start(StackConfig config) {
        return new DynamoDbTestSupport(config.start());
    }

    DynamoDbClient client(Region region) {
        return DynamoDbClient.builder().endpointOverride(stack.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    /** The asynchronous client, built on first use (its event loop is slow to shut down). */
    synchronized DynamoDbAsyncClient async() {
        if (async == null) {
            async = DynamoDbAsyncClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                    .httpClientBuilder(NettyNioAsyncHttpClient.builder()).build();
        }
        return async;
    }

    /** An on-demand table with a string partition key {@code id}. */
    void hashTable(String name) {
        dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("id", ScalarAttributeType.S)).keySchema(hash("id")));
    }

    /** An on-demand table with string partition key {@code pk} and number sort key {@code sk}. */
    void compositeTable(String name) {
        compositeTable(name, ScalarAttributeType.N);
    }

    void compositeTable(String name, ScalarAttributeType sortType) {
        dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", sortType))
                .keySchema(hash("pk"), range("sk")));
    }

    static AttributeDefinition def(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static Map<String, AttributeValue> item(Object... namesAndValues) {
        java.util.LinkedHashMap<String, AttributeValue> item = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            item.put((String) namesAndValues[i], value instanceof AttributeValue ? (AttributeValue) value
                    : value instanceof Number ? n(value.toString()) : s(value.toString()));
        }
        return item;
    }

    @Override
    public void close() {
        dynamo.close();
        if (async != null) {
            async.close();
        }
        stack.close();
    }
}
