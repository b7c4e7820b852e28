package dev.simstack.core.dynamodb;

import static dev.simstack.core.dynamodb.DynamoDbTestSupport.def;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.hash;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Multi-attribute keys of global secondary indexes (several HASH or RANGE elements) are not supported by the
 * engine: CreateTable and UpdateTable refuse them by name, so a test never runs against a wrongly built index.
 */
class MultiAttributeKeyTest {

    private static DynamoDbTestSupport support;

    @BeforeAll
    static void start() {
        support = DynamoDbTestSupport.start();
    }

    @AfterAll
    static void stop() {
        support.close();
    }

    @Test
    void create_table_refuses_a_gsi_with_several_partition_key_attributes_by_name() {
        refused(() -> support.dynamo.createTable(b -> b.tableName("sales").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("id", ScalarAttributeType.S), def("region", ScalarAttributeType.S),
                        def("tier", ScalarAttributeType.S), def("day", ScalarAttributeType.S))
                .keySchema(hash("id"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byRegionTier")
                        .keySchema(hash("region"), hash("tier"), range("day"))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())),
                "Multi-attribute keys for global secondary indexes are not supported by SimStack: index byRegionTier "
                        + "has 2 HASH and 1 RANGE key elements. Declare one HASH element and at most one RANGE element "
                        + "(for example an attribute that joins the values, such as \"a#b\").");

        assertThat(support.dynamo.listTables().tableNames()).doesNotContain("sales");
    }

    @Test
    void update_table_refuses_a_new_gsi_with_several_sort_key_attributes_by_name() {
        support.dynamo.createTable(b -> b.tableName("events").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("id", ScalarAttributeType.S)).keySchema(hash("id")));

        refused(() -> support.dynamo.updateTable(b -> b.tableName("events")
                .attributeDefinitions(def("id", ScalarAttributeType.S), def("kind", ScalarAttributeType.S),
                        def("day", ScalarAttributeType.S), def("hour", ScalarAttributeType.N))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byKindTime")
                        .keySchema(hash("kind"), range("day"), range("hour"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))))),
                "Multi-attribute keys for global secondary indexes are not supported by SimStack: index byKindTime "
                        + "has 1 HASH and 2 RANGE key elements. Declare one HASH element and at most one RANGE element "
                        + "(for example an attribute that joins the values, such as \"a#b\").");

        assertThat(support.dynamo.describeTable(b -> b.tableName("events")).table().hasGlobalSecondaryIndexes())
                .isFalse();
    }

    private static void refused(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }
}
