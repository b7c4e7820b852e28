package dev.simstack.core.declarations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.BucketSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.IndexSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.ScalarAttributeType;
import dev.simstack.core.StackConfig;
import dev.simstack.core.TableSpec;
import dev.simstack.core.lambda.Handlers;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad declaration fails the start with a message that names it and, for AWS's rules, AWS's words. */
class DeclarationErrorTest {

    private static final StackConfig TWO_REGIONS = StackConfig.defaults().withRegions("us-east-1", "eu-west-1");

    @Test
    void a_replica_in_a_region_the_stack_does_not_have_names_the_regions_it_has() {
        StackConfig config = TWO_REGIONS.withTable(TableSpec.named("carts").withPartitionKey("id")
                .withReplicas("ap-southeast-2"));

        assertThatThrownBy(config::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("declared table 'carts' has a replica in ap-southeast-2, which is not one of the stack's"
                        + " regions [us-east-1, eu-west-1]; add it with StackConfig.withRegions(...)");
    }

    @Test
    void a_function_or_api_in_a_region_the_stack_does_not_have_is_refused() {
        assertThatThrownBy(TWO_REGIONS.withFunction(FunctionSpec.named("worker", Handlers.Echo.class)
                .inRegion("us-west-2"))::start)
                .hasMessage("declared function 'worker' is in us-west-2, which is not one of the stack's regions"
                        + " [us-east-1, eu-west-1]; add it with StackConfig.withRegions(...)");
        assertThatThrownBy(TWO_REGIONS.withApi(ApiSpec.http("shop").inRegion("us-west-2"))::start)
                .hasMessage("declared API 'shop' is in us-west-2, which is not one of the stack's regions"
                        + " [us-east-1, eu-west-1]; add it with StackConfig.withRegions(...)");
    }

    @Test
    void a_table_without_a_partition_key_fails_with_create_tables_message() {
        assertThatThrownBy(StackConfig.defaults().withTable(TableSpec.named("orders"))::start)
                .hasMessage("declared table 'orders' in us-east-1: CreateTable failed: ValidationException: 1 validation"
                        + " error detected: Value null at 'keySchema' failed to satisfy constraint: Member must not"
                        + " be null");
    }

    @Test
    void a_global_index_without_a_key_fails_with_create_tables_message() {
        StackConfig config = StackConfig.defaults().withTable(TableSpec.named("orders").withPartitionKey("id")
                .withGlobalSecondaryIndex(IndexSpec.named("byCustomer")));

        assertThatThrownBy(config::start)
                .hasMessage("declared table 'orders' in us-east-1: CreateTable failed: ValidationException: 1 validation"
                        + " error detected: Value null at 'globalSecondaryIndexes.member.keySchema' failed to satisfy"
                        + " constraint: Member must not be null");
    }

    @Test
    void one_attribute_with_two_types_fails_with_create_tables_message() {
        StackConfig config = StackConfig.defaults().withTable(TableSpec.named("orders").withPartitionKey("id")
                .withGlobalSecondaryIndex(IndexSpec.named("byId").withPartitionKey("id", ScalarAttributeType.N)));

        assertThatThrownBy(config::start)
                .hasMessage("declared table 'orders' in us-east-1: CreateTable failed: ValidationException: One or"
                        + " more parameter values were invalid: Cannot have two attributes with the same name, attribute name: id");
    }

    @Test
    void a_local_index_on_a_table_without_sort_key_fails_with_create_tables_message() {
        StackConfig config = StackConfig.defaults().withTable(TableSpec.named("orders").withPartitionKey("id")
                .withLocalSecondaryIndex(IndexSpec.named("byTotal").withPartitionKey("id").withSortKey("total")));

        assertThatThrownBy(config::start)
                .hasMessage("declared table 'orders' in us-east-1: CreateTable failed: ValidationException: One or"
                        + " more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a"
                        + " LocalSecondaryIndex");
    }

    @Test
    void a_notification_to_an_undeclared_queue_names_the_queues_there() {
        StackConfig config = StackConfig.defaults().withQueue(QueueSpec.named("orders"))
                .withBucket(BucketSpec.named("receipts").notifyQueue("uploads", "s3:ObjectCreated:*"));

        assertThatThrownBy(config::start)
                .hasMessage("declared bucket 'receipts' in us-east-1 notifies queue 'uploads', which does not exist in"
                        + " us-east-1 (its queues there: [orders]); declare it with StackConfig.withQueue in the"
                        + " bucket's region");
    }

    @Test
    void a_notification_for_an_event_s3_does_not_publish_fails_with_s3s_message() {
        StackConfig config = StackConfig.defaults().withQueue(QueueSpec.named("uploads"))
                .withBucket(BucketSpec.named("receipts").notifyQueue("uploads", "s3:ObjectTouched:*"));

        assertThatThrownBy(config::start)
                .hasMessage("declared bucket 'receipts' in us-east-1: PutBucketNotificationConfiguration failed:"
                        + " InvalidArgument: The event is not supported for notifications");
    }

    @Test
    void a_bad_bucket_name_fails_with_create_buckets_message() {
        assertThatThrownBy(StackConfig.defaults().withBucket(BucketSpec.named("Receipts"))::start)
                .hasMessageStartingWith("declared bucket 'Receipts' in us-east-1: CreateBucket failed: InvalidBucketName:");
    }

    @Test
    void a_resource_file_that_fails_stops_the_start_and_frees_the_port(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("broken.yaml"), "queues:\n  - QueueName: \"bad name!\"\n");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        StackConfig config = StackConfig.defaults().withPort(port).withResourceFile(file);

        assertThatThrownBy(config::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken.yaml");
        try (ServerSocket again = new ServerSocket(port)) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }
}
