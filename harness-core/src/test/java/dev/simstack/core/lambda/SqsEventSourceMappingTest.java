package dev.simstack.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** SQS → Lambda through event source mappings, on a manual clock. */
class SqsEventSourceMappingTest {

    private Stack stack;
    private LambdaClient lambda;
    private SqsClient sqs;

    @BeforeEach
    void start() {
        stack = StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(1)
                .withQueue(QueueSpec.named("batch"))
                .withQueue(QueueSpec.named("partial-dlq"))
                .withQueue(QueueSpec.named("partial").withAttribute("VisibilityTimeout", "30")
                        .withDeadLetterQueue("partial-dlq", 2))
                .withQueue(QueueSpec.named("poison-dlq"))
                .withQueue(QueueSpec.named("poison").withAttribute("VisibilityTimeout", "10")
                        .withDeadLetterQueue("poison-dlq", 3))
                .withQueue(QueueSpec.named("orders.fifo"))
                .withQueue(QueueSpec.named("throttled").withAttribute("VisibilityTimeout", "10"))
                .withFunction(FunctionSpec.named("recorder", Handlers.SqsRecorder.class))
                .withFunction(FunctionSpec.named("stopped", Handlers.SqsRecorder.class).withReservedConcurrency(0))
                .start();
        lambda = LambdaTestSupport.lambda(stack);
        sqs = LambdaTestSupport.sqs(stack);
        Handlers.SqsRecorder.SEEN.clear();
        Handlers.SqsRecorder.BATCH_SIZES.clear();
    }

    @AfterEach
    void stop() {
        lambda.close();
        sqs.close();
        stack.close();
    }

    private CreateEventSourceMappingResponse map(String queue, String function, int batchSize) {
        return lambda.createEventSourceMapping(b -> b.functionName(function).eventSourceArn(stack.queue(queue).arn())
                .batchSize(batchSize).functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES));
    }

    private void send(String queue, String body) {
        sqs.sendMessage(b -> b.queueUrl(stack.queue(queue).url()).messageBody(body));
    }

    private int[] depth(String queue) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(stack.queue(queue).url())
                .attributeNames(QueueAttributeName.ALL)).attributes();
        return new int[] {Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
                Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))};
    }

    private long deliveries(String queue) {
        return stack.ledger().entries(LedgerEntry.Message.class).stream()
                .filter(m -> m.queue().equals(stack.queue(queue).ref())
                        && m.kind() == LedgerEntry.MessageEvent.DELIVERED)
                .count();
    }

    private List<String> seen(String queue) {
        return Handlers.SqsRecorder.SEEN.getOrDefault(queue, List.of());
    }

    @Test
    void messages_are_delivered_in_batches_of_at_most_batch_size_and_deleted_on_success() {
        for (int i = 0; i < 25; i++) {
            send("batch", "m" + i);
        }
        CreateEventSourceMappingResponse mapping = map("batch", "recorder", 10);

        assertThat(mapping.state()).isEqualTo("Creating");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen("batch")).hasSize(25));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(depth("batch")).containsExactly(0, 0));
        assertThat(Handlers.SqsRecorder.BATCH_SIZES.get("batch")).allSatisfy(size -> assertThat(size).isBetween(1, 10));
        assertThat(stack.ledger().entries(LedgerEntry.Invocation.class)).allSatisfy(i ->
                assertThat(i.trigger()).isEqualTo("sqs:" + stack.queue("batch").arn()));
    }

    @Test
    void a_batching_window_gathers_more_than_ten_records_and_waits_on_the_clock() {
        for (int i = 0; i < 25; i++) {
            send("batch", "w" + i);
        }
        lambda.createEventSourceMapping(b -> b.functionName("recorder").eventSourceArn(stack.queue("batch").arn())
                .batchSize(50).maximumBatchingWindowInSeconds(5));
        LambdaTestSupport.sleep(200);

        assertThat(stack.ledger().entries(LedgerEntry.Invocation.class)).isEmpty();
        stack.clock().advance(Duration.ofSeconds(5));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen("batch")).hasSize(25));
        assertThat(Handlers.SqsRecorder.BATCH_SIZES.get("batch")).containsExactly(25);
    }

    @Test
    void a_send_wakes_an_idle_poller_without_the_clock_moving() {
        map("batch", "recorder", 10);
        LambdaTestSupport.sleep(100);

        send("batch", "late");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen("batch")).containsExactly("late"));
    }

    @Test
    void with_batch_item_failures_only_the_failed_records_stay_and_reach_the_dlq_after_max_receive_count() {
        send("partial", "ok-1");
        send("partial", "fail-1");
        send("partial", "ok-2");
        map("partial", "recorder", 10);

        // the successes are deleted once the first invocation ends; only fail-1 stays in flight
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(depth("partial")).containsExactly(0, 1));
        stack.clock().advance(Duration.ofSeconds(31));
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries("partial") == 4);
        stack.clock().advance(Duration.ofSeconds(31));
        await().atMost(Duration.ofSeconds(10)).until(() -> depth("partial-dlq")[0] == 1);

        assertThat(seen("partial")).containsExactlyInAnyOrder("ok-1", "ok-2");
        assertThat(depth("partial")).containsExactly(0, 0);
        assertThat(sqs.receiveMessage(b -> b.queueUrl(stack.queue("partial-dlq").url())).messages())
                .extracting(m -> m.body()).containsExactly("fail-1");
    }

    @Test
    void a_function_error_returns_the_whole_batch_and_the_redrive_policy_moves_the_poison_message() {
        send("poison", "poison-pill");
        map("poison", "recorder", 1);

        for (int attempt = 1; attempt <= 3; attempt++) {
            int expected = attempt;
            // each attempt must have ended before the clock moves, or it would time out instead of failing
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    stack.ledger().entries(LedgerEntry.Invocation.class).size() == expected);
            stack.clock().advance(Duration.ofSeconds(10));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> depth("poison-dlq")[0] == 1);

        assertThat(depth("poison-dlq")[0]).isEqualTo(1);
        List<LedgerEntry.Invocation> runs = stack.ledger().entries(LedgerEntry.Invocation.class);
        assertThat(runs).hasSize(3).allSatisfy(run -> {
            assertThat(run.outcome()).isEqualTo(LedgerEntry.InvocationOutcome.ERROR);
            assertThat(run.carried()).hasSize(1);
        });
        assertThat(stack.ledger().entries(LedgerEntry.Message.class)).anySatisfy(m ->
                assertThat(m.kind()).isEqualTo(LedgerEntry.MessageEvent.MOVED_TO_DLQ));
    }

    @Test
    void a_fifo_queue_is_processed_in_group_order() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String group = "g" + (i % 3);
            String body = group + "-" + i;
            sent.add(body);
            sqs.sendMessage(b -> b.queueUrl(stack.queue("orders.fifo").url()).messageBody(body).messageGroupId(group)
                    .messageDeduplicationId(body));
        }
        map("orders.fifo", "recorder", 4);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen("orders.fifo")).hasSize(30));
        for (String group : List.of("g0", "g1", "g2")) {
            assertThat(seen("orders.fifo").stream().filter(b -> b.startsWith(group)).toList())
                    .isEqualTo(sent.stream().filter(b -> b.startsWith(group)).toList());
        }
    }

    @Test
    void a_throttled_batch_goes_back_to_the_queue_until_its_visibility_timeout() {
        send("throttled", "m");
        map("throttled", "stopped", 10);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(stack.ledger().entries(LedgerEntry.Invocation.class)).isNotEmpty());

        assertThat(stack.ledger().entries(LedgerEntry.Invocation.class).get(0).outcome())
                .isEqualTo(LedgerEntry.InvocationOutcome.THROTTLED);
        assertThat(depth("throttled")).containsExactly(0, 1);
        stack.clock().advance(Duration.ofSeconds(10));
        assertThat(depth("throttled")[0] + depth("throttled")[1]).isEqualTo(1);
    }

    @Test
    void mapping_settings_are_validated_as_lambda_validates_them() {
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName("recorder")
                .eventSourceArn(stack.queue("batch").arn()).batchSize(11)))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("Maximum batch window in seconds must be greater than 0");
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName("recorder")
                .eventSourceArn(stack.queue("batch").arn()).scalingConfig(s -> s.maximumConcurrency(1))))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("maximumConcurrency");
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName("recorder")
                .eventSourceArn(stack.queue("orders.fifo").arn()).maximumBatchingWindowInSeconds(5)))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("FIFO");
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName("recorder")
                .eventSourceArn(ResourceRef.queue("us-east-1", stack.accountId(), "no-such-queue").arn())))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("does not exist");
        map("batch", "recorder", 10);
        assertThatThrownBy(() -> map("batch", "recorder", 5)).isInstanceOf(ResourceConflictException.class);
    }

    @Test
    void settings_under_their_minimum_answer_lambdas_validation_messages_on_create_and_update() {
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName("recorder")
                .eventSourceArn(stack.queue("batch").arn()).batchSize(0)))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith("1 validation error detected: Value '0' at 'batchSize' failed to satisfy"
                        + " constraint: Member must have value greater than or equal to 1");
        String uuid = map("batch", "recorder", 10).uuid();

        assertThatThrownBy(() -> lambda.updateEventSourceMapping(b -> b.uuid(uuid).maximumBatchingWindowInSeconds(-1)))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith("1 validation error detected: Value '-1' at 'maximumBatchingWindowInSeconds'"
                        + " failed to satisfy constraint: Member must have value greater than or equal to 0");
        assertThatThrownBy(() -> lambda.updateEventSourceMapping(b -> b.uuid(uuid).batchSize(20)))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith("Maximum batch window in seconds must be greater than 0 if maximum batch size"
                        + " is greater than 10");
    }

    @Test
    void a_mapping_can_be_read_listed_disabled_updated_and_deleted() {
        String uuid = map("batch", "recorder", 5).uuid();

        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).state()).isEqualTo("Enabled");
        assertThat(lambda.listEventSourceMappings(b -> b.functionName("recorder")).eventSourceMappings())
                .extracting(m -> m.uuid()).containsExactly(uuid);
        lambda.updateEventSourceMapping(b -> b.uuid(uuid).enabled(false).batchSize(7));
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)))
                .satisfies(m -> {
                    assertThat(m.state()).isEqualTo("Disabled");
                    assertThat(m.batchSize()).isEqualTo(7);
                });
        assertThat(lambda.deleteEventSourceMapping(b -> b.uuid(uuid)).state()).isEqualTo("Deleting");
        assertThat(lambda.listEventSourceMappings().eventSourceMappings()).isEmpty();
    }
}
