package dev.simstack.core.handles;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.lambda.Handlers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;

/** An unknown name fails at once, saying what exists there, where the name exists instead, and how to declare it. */
class UnknownResourceNamesTest {

    private static Stack stack;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(17)
                .withQueue(QueueSpec.named("orders"))
                .withQueue(QueueSpec.named("orders-dlq"))
                .withFunction(FunctionSpec.named("worker", Handlers.UpperCase.class))
                .withFunction(FunctionSpec.named("auditor", Handlers.UpperCase.class))
                .withApi(ApiSpec.rest("shop").withRoute("GET /x", ApiSpec.Integration.lambda("worker")))
                .start();
        try (DynamoDbClient dynamo = HandleClients.dynamo(stack)) {
            for (String table : new String[] {"payments", "carts"}) {
                dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
            }
        }
        try (S3Client s3 = HandleClients.s3(stack, Region.EU_WEST_1)) {
            s3.createBucket(b -> b.bucket("archive").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        }
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void an_unknown_queue_lists_the_queues_of_its_region_and_how_to_declare_it() {
        assertThatThrownBy(() -> stack.queue("ordres")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no SQS queue named 'ordres' in us-east-1; queues there: orders, orders-dlq."
                        + " Declare it with StackConfig.withQueue(QueueSpec.named(\"ordres\")), or create it before"
                        + " taking its handle.");
    }

    @Test
    void a_queue_asked_in_the_wrong_region_says_where_it_is() {
        assertThatThrownBy(() -> stack.queue("eu-west-1", "orders")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no SQS queue named 'orders' in eu-west-1; queues there: none. There is one in"
                        + " us-east-1: take it with stack.queue(\"us-east-1\", \"orders\").");
    }

    @Test
    void an_unknown_queue_in_another_region_is_declared_in_that_region() {
        assertThatThrownBy(() -> stack.queue("eu-west-1", "audit")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no SQS queue named 'audit' in eu-west-1; queues there: none. Declare it with"
                        + " StackConfig.withQueue(QueueSpec.named(\"audit\").inRegion(\"eu-west-1\")), or create it"
                        + " before taking its handle.");
    }

    @Test
    void an_unknown_table_lists_the_tables_of_its_region() {
        assertThatThrownBy(() -> stack.table("payment")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no DynamoDB table named 'payment' in us-east-1; tables there: carts, payments."
                        + " Declare it with StackConfig.withTable(TableSpec.named(\"payment\").withPartitionKey(\"id\")),"
                        + " or create it before taking its handle.");
    }

    @Test
    void a_table_asked_in_the_wrong_region_says_where_it_is() {
        assertThatThrownBy(() -> stack.table("eu-west-1", "carts")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no DynamoDB table named 'carts' in eu-west-1; tables there: none. There is one in"
                        + " us-east-1: take it with stack.table(\"us-east-1\", \"carts\").");
    }

    @Test
    void an_unknown_bucket_lists_the_buckets_of_its_region() {
        assertThatThrownBy(() -> stack.bucket("eu-west-1", "archives")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no S3 bucket named 'archives' in eu-west-1; buckets there: archive. Declare it"
                        + " with StackConfig.withBucket(BucketSpec.named(\"archives\").inRegion(\"eu-west-1\")), or"
                        + " create it before taking its handle.");
    }

    @Test
    void a_bucket_asked_in_the_wrong_region_says_where_it_lives() {
        assertThatThrownBy(() -> stack.bucket("archive")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no S3 bucket named 'archive' in us-east-1; buckets there: none. There is one in"
                        + " eu-west-1: take it with stack.bucket(\"eu-west-1\", \"archive\").");
    }

    @Test
    void an_unknown_function_lists_the_functions_of_its_region() {
        assertThatThrownBy(() -> stack.function("wroker")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no Lambda function named 'wroker' in us-east-1; functions there: auditor,"
                        + " worker. Declare it with StackConfig.withFunction(FunctionSpec.named(\"wroker\","
                        + " YourHandler.class)), or create it before taking its handle.");
    }

    @Test
    void a_function_asked_in_the_wrong_region_says_where_it_is() {
        assertThatThrownBy(() -> stack.function("eu-west-1", "worker")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no Lambda function named 'worker' in eu-west-1; functions there: none. There is"
                        + " one in us-east-1: take it with stack.function(\"us-east-1\", \"worker\").");
    }

    @Test
    void an_unknown_api_lists_the_apis_of_its_region() {
        assertThatThrownBy(() -> stack.api("shops")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no API Gateway API named 'shops' in us-east-1; APIs there: shop. Declare it"
                        + " with StackConfig.withApi(ApiSpec.rest(\"shops\")), or create it before taking its handle.");
    }

    @Test
    void an_api_asked_in_the_wrong_region_says_where_it_is() {
        assertThatThrownBy(() -> stack.api("eu-west-1", "shop")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no API Gateway API named 'shop' in eu-west-1; APIs there: none. There is one in"
                        + " us-east-1: take it with stack.api(\"us-east-1\", \"shop\").");
    }
}
