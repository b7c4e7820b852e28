package dev.simstack.junit.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.AwsService;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.fault.RegionOutage;
import dev.simstack.junit.Api;
import dev.simstack.junit.DocSnippets;
import dev.simstack.junit.FailRegion;
import dev.simstack.junit.Function;
import dev.simstack.junit.InRegion;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.ReplicationLag;
import dev.simstack.junit.Route;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.SqsEvent;
import dev.simstack.junit.Table;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code @FailRegion} and {@code @ReplicationLag} through the JUnit Platform: a method's outage fails the calls
 * signed for its region (the SDK retries, the ledger counts each attempt), the other region serves, the global
 * table converges after the window, a region's API stages and event source mappings stop, and a lagging replica
 * receives its items only when the lag or the pause is over.
 */
class RegionFaultAnnotationsTest {

    @Test
    void a_method_outage_fails_its_region_and_the_table_converges_after_the_window() {
        Kit.assertPassed(Kit.run(GlobalOrders.class), 3);
    }

    @Test
    void an_outage_stops_the_regions_api_stages_and_event_source_mappings() {
        Kit.assertPassed(Kit.run(WestApp.class), 2);
    }

    @Test
    void an_outage_stops_an_api_a_template_made_in_the_failed_region() {
        Kit.assertPassed(Kit.run(TemplateApi.class), 1);
    }

    @Test
    void replication_lag_and_pause_hold_the_replicas_items_until_they_end() {
        Kit.assertPassed(Kit.run(LaggingReplica.class), 2);
    }

    @Test
    void a_region_that_is_not_the_stacks_is_refused_naming_its_regions() {
        EngineExecutionResults results = Kit.run(UnknownRegion.class);

        assertThat(Kit.failureMessages(results)).singleElement().asString().contains("region 'eu-west-1' is not one of"
                + " the stack's regions [us-east-1, us-west-2]: declare it in @SimStack(regions = ...)");
    }

    @Test
    void the_faults_page_shows_the_examples() {
        DocSnippets.assertShows("docs/faults.md", RegionFaultAnnotationsTest.class, "fail-region");
        DocSnippets.assertShows("docs/faults.md", RegionFaultAnnotationsTest.class, "replication-lag");
    }

    static void put(DynamoDbClient client, String id) {
        client.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS(id))));
    }

    static boolean has(DynamoDbClient client, String id) {
        return client.getItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS(id)))).hasItem();
    }

    /** The requests an outage answered, per operation and region. */
    static long calls(Stack stack, String operation) {
        return stack.ledger().entries(LedgerEntry.Request.class).stream()
                .filter(r -> r.operation().equals(operation)).count();
    }

    static long faulted(Stack stack, String operation) {
        return stack.ledger().entries(LedgerEntry.Request.class).stream()
                .filter(r -> r.operation().equals(operation) && r.fault() != null).count();
    }

    @SimStack(regions = {"us-east-1", "us-west-2"}, clock = "manual", seed = 7,
            tables = @Table(name = "orders", partitionKey = "id", replicas = "us-west-2"))
    static class GlobalOrders {

        // docs:fail-region-start
        @Test
        @FailRegion(value = "us-west-2", duration = "1m")
        void west_is_down_for_a_minute(Stack stack, DynamoDbClient east, @InRegion("us-west-2") DynamoDbClient west) {
            assertThatThrownBy(() -> put(west, "o1")).isInstanceOfSatisfying(DynamoDbException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(503);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
            });
            // the first try and every retry the SDK made (its retry policy decides how many), each answered by the
            // outage
            assertThat(faulted(stack, "PutItem")).isEqualTo(calls(stack, "PutItem")).isGreaterThan(1);

            put(east, "o2"); // the app fails over to us-east-1
            stack.clock().advance(Duration.ofMinutes(1)); // us-west-2 returns; replication catches up

            assertThat(has(west, "o2")).isTrue();
        }
        // docs:fail-region-end

        @Test
        @FailRegion(value = "us-west-2", mode = RegionOutage.Mode.INTERNAL_ERROR, after = "10s")
        void an_internal_error_outage_starts_after_its_delay(Stack stack,
                @InRegion("us-west-2") DynamoDbClient west) {
            put(west, "before");
            stack.clock().advance(Duration.ofSeconds(10));

            assertThatThrownBy(() -> put(west, "during")).isInstanceOfSatisfying(DynamoDbException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerError"));
        }

        @Test
        void a_test_without_the_annotation_reaches_both_regions(@InRegion("us-west-2") DynamoDbClient west) {
            put(west, "o3");

            assertThat(has(west, "o3")).isTrue();
        }
    }

    @SimStack(regions = {"us-east-1", "us-west-2"}, clock = "manual", seed = 7, template = "outage-api.yaml")
    @FailRegion("us-east-1")
    static class TemplateApi {

        @Test
        void the_templates_api_answers_503(Stack stack) throws Exception {
            assertThat(WestApp.post(stack.api("shop").url())).isEqualTo(503);
            assertThat(faulted(stack, "Execute")).isEqualTo(1);
            assertThat(stack.function("jobs").invocations()).isEmpty();
        }
    }

    @SimStack(regions = {"us-east-1", "us-west-2"}, clock = "manual", seed = 7,
            queues = {@Queue(name = "jobs", region = "us-west-2"), @Queue(name = "jobs")},
            functions = @Function(name = "worker", region = "us-west-2", handler = FailsFirstDelivery.class,
                    sqsEvents = @SqsEvent(queue = "jobs")),
            apis = {@Api(name = "shop", region = "us-west-2", routes = @Route(key = "POST /jobs", queue = "jobs")),
                    @Api(name = "shop", routes = @Route(key = "POST /jobs", queue = "jobs"))})
    @FailRegion(value = "us-west-2", after = "1s", duration = "60s")
    static class WestApp {

        @Test
        void the_regions_api_stage_answers_503_and_the_other_region_serves(Stack stack) throws Exception {
            stack.clock().advance(Duration.ofSeconds(1));

            assertThat(post(stack.api("us-west-2", "shop").url())).isEqualTo(503);
            assertThat(post(stack.api("us-east-1", "shop").url())).isEqualTo(200);
            assertThat(faulted(stack, "Execute")).isEqualTo(1);
            // an invocation is unsigned: the ledger (and the outage) put it in its API's region
            assertThat(stack.ledger().entries(LedgerEntry.Request.class))
                    .filteredOn(request -> request.operation().equals("Execute")).extracting(LedgerEntry.Request::region).containsExactly("us-west-2", "us-east-1");
        }

        @Test
        void the_regions_mapping_stops_polling_until_the_region_returns(Stack stack,
                @InRegion("us-west-2") SqsClient west) {
            west.sendMessage(b -> b.queueUrl(stack.queue("us-west-2", "jobs").url()).messageBody("job"));
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(invocations(stack)).isEqualTo(1));
            // the first delivery fails: the message comes back after its 30 s visibility timeout, in the outage
            stack.clock().advance(Duration.ofSeconds(40));
            assertThat(stack.queue("us-west-2", "jobs").depth().visible()).as("waiting, not polled").isEqualTo(1);
            assertThat(invocations(stack)).isEqualTo(1);

            stack.clock().advance(Duration.ofSeconds(25)); // the region is back

            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(invocations(stack)).isEqualTo(2));
        }

        private static int post(URI api) throws Exception {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api + "/jobs"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        }

        private static long invocations(Stack stack) {
            return stack.ledger().entries(LedgerEntry.Invocation.class).stream()
                    .filter(i -> i.function().service() == AwsService.LAMBDA).count();
        }
    }

    @SimStack(regions = {"us-east-1", "us-west-2"}, clock = "manual", seed = 7,
            tables = @Table(name = "orders", partitionKey = "id", replicas = "us-west-2"))
    static class LaggingReplica {

        // docs:replication-lag-start
        @Test
        @ReplicationLag(from = "us-east-1", to = "us-west-2", lag = "30s")
        void the_replica_sees_the_item_30_seconds_late(Stack stack, DynamoDbClient east,
                @InRegion("us-west-2") DynamoDbClient west) {
            put(east, "o1");

            stack.clock().advance(Duration.ofSeconds(29));
            assertThat(has(west, "o1")).isFalse();
            stack.clock().advance(Duration.ofSeconds(1));
            assertThat(has(west, "o1")).isTrue();
        }
        // docs:replication-lag-end

        @Test
        @ReplicationLag(from = "us-east-1", to = "us-west-2", after = "0s", duration = "5m")
        void a_paused_replica_catches_up_when_the_pause_ends(Stack stack, DynamoDbClient east,
                @InRegion("us-west-2") DynamoDbClient west) {
            put(east, "o1");
            put(east, "o2");
            stack.clock().advance(Duration.ofMinutes(4));
            assertThat(has(west, "o1")).isFalse();

            stack.clock().advance(Duration.ofMinutes(1));
            assertThat(has(west, "o1")).isTrue();
            assertThat(has(west, "o2")).isTrue();
        }
    }

    @SimStack(regions = {"us-east-1", "us-west-2"})
    static class UnknownRegion {

        @Test
        @FailRegion("eu-west-1")
        void fails() {
        }
    }
}
