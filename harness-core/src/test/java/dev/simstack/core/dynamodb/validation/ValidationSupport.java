package dev.simstack.core.dynamodb.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A stack with a DynamoDB client and two tables the validation tests share: {@code items} (string
 * partition key {@code pk}, string sort key {@code sk}, a keys-only global index {@code by_g} on {@code g})
 * and {@code plain} (string partition key {@code id}). Close it after the tests.
 */
final class ValidationSupport implements AutoCloseable {

    final Stack stack;
    final DynamoDbClient dynamo;

    private ValidationSupport(Stack stack) {
        this.stack = stack;
        this.dynamo = DynamoDbClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static ValidationSupport start() {
        ValidationSupport support = new ValidationSupport(StackConfig.defaults().withClock(ClockSpec.manual())
                .withSeed(1).start());
        support.dynamo.createTable(b -> b.tableName("items").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("pk"), def("sk"), def("g")).keySchema(key("pk", KeyType.HASH),
                        key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by_g").keySchema(
                        key("g", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
        support.dynamo.createTable(b -> b.tableName("plain").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("id")).keySchema(key("id", KeyType.HASH)));
        return support;
    }

    static AttributeDefinition def(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /** The key of an {@code items} item. */
    static Map<String, AttributeValue> itemKey() {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put("pk", s("p"));
        key.put("sk", s("s"));
        return key;
    }

    /** Asserts AWS's answer to an invalid request: ValidationException, status 400 and the message. */
    static void assertValidation(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }

    @Override
    public void close() {
        dynamo.close();
        stack.close();
    }
}
