package dev.simstack.core.declarations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.simstack.core.AppliedResources;
import dev.simstack.core.AppliedResources.Outcome;
import dev.simstack.core.DataDirectory;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.SqsEventSource;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.reset.ResetClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A function's declared SQS event is an event source mapping, created at start and after every reset. */
class SqsEventSourceDeclarationTest {

    /** Consumes every record of its batch. */
    public static final class Consumer implements RequestHandler<SQSEvent, SQSBatchResponse> {
        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            return new SQSBatchResponse(List.of());
        }
    }

    private static final StackConfig ORDERS = StackConfig.defaults().withQueue(QueueSpec.named("orders"))
            .withFunction(FunctionSpec.named("fulfil", Consumer.class).withSqsEvent("orders", 5));

    @Test
    void a_declared_sqs_event_delivers_the_messages_an_sqs_client_sends() {
        try (Stack stack = ORDERS.start(); SqsClient sqs = Clients.sqs(stack, "us-east-1")) {
            List<String> sent = send(sqs, stack, "orders", 3);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(carried(stack, "fulfil"))
                    .containsExactlyInAnyOrderElementsOf(sent));
            assertThat(stack.function("fulfil").invocations()).allSatisfy(invocation ->
                    assertThat(invocation.trigger()).isEqualTo("sqs:" + stack.queue("orders").arn()));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(stack.queue("orders").depth().total()).isZero());
        }
    }

    @Test
    void a_batch_never_carries_more_records_than_the_declared_batch_size() {
        StackConfig config = StackConfig.defaults().withQueue(QueueSpec.named("orders"))
                .withFunction(FunctionSpec.named("fulfil", Consumer.class)
                        .withSqsEvent(SqsEventSource.queue("orders").withBatchSize(5).withEnabled(false)));
        try (Stack stack = config.start(); SqsClient sqs = Clients.sqs(stack, "us-east-1");
                LambdaClient lambda = Clients.lambda(stack, "us-east-1")) {
            List<String> sent = send(sqs, stack, "orders", 25);
            String uuid = lambda.listEventSourceMappings(b -> b.functionName("fulfil")).eventSourceMappings().get(0)
                    .uuid();
            lambda.updateEventSourceMapping(b -> b.uuid(uuid).enabled(true));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(carried(stack, "fulfil"))
                    .containsExactlyInAnyOrderElementsOf(sent));
            assertThat(stack.function("fulfil").invocations()).extracting(i -> i.carried().size())
                    .allSatisfy(size -> assertThat(size).isBetween(1, 5)).contains(5);
        }
    }

    @Test
    void list_event_source_mappings_shows_the_declared_settings() {
        StackConfig config = StackConfig.defaults().withQueue(QueueSpec.named("orders"))
                .withFunction(FunctionSpec.named("fulfil", Consumer.class).withSqsEvent(SqsEventSource.queue("orders")
                        .withBatchSize(50).withBatchingWindow(Duration.ofSeconds(2)).withMaximumConcurrency(4)
                        .withReportBatchItemFailures().withEnabled(false)));
        try (Stack stack = config.start(); LambdaClient lambda = Clients.lambda(stack, "us-east-1")) {
            List<EventSourceMappingConfiguration> mappings = lambda.listEventSourceMappings().eventSourceMappings();

            assertThat(mappings).singleElement().satisfies(mapping -> {
                assertThat(mapping.eventSourceArn()).isEqualTo(stack.queue("orders").arn());
                assertThat(mapping.functionArn()).isEqualTo(stack.function("fulfil").arn());
                assertThat(mapping.batchSize()).isEqualTo(50);
                assertThat(mapping.maximumBatchingWindowInSeconds()).isEqualTo(2);
                assertThat(mapping.scalingConfig().maximumConcurrency()).isEqualTo(4);
                assertThat(mapping.functionResponseTypes())
                        .containsExactly(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
                assertThat(mapping.state()).isEqualTo("Disabled");
            });
        }
    }

    @Test
    void a_batch_size_over_ten_on_a_fifo_queue_fails_the_start_with_lambdas_message() {
        StackConfig config = StackConfig.defaults().withQueue(QueueSpec.named("orders.fifo"))
                .withFunction(FunctionSpec.named("fulfil", Consumer.class).withSqsEvent("orders.fifo", 20));

        assertThatThrownBy(config::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("declared function 'fulfil' in us-east-1, its SQS event from queue 'orders.fifo':"
                        + " CreateEventSourceMapping failed: InvalidParameterValueException: BatchSize must be between"
                        + " 1 and 10 for FIFO queues.");
    }

    @Test
    void a_maximum_concurrency_under_two_fails_the_start_with_lambdas_message() {
        StackConfig config = StackConfig.defaults().withQueue(QueueSpec.named("orders"))
                .withFunction(FunctionSpec.named("fulfil", Consumer.class)
                        .withSqsEvent(SqsEventSource.queue("orders").withMaximumConcurrency(1)));

        assertThatThrownBy(config::start)
                .hasMessage("declared function 'fulfil' in us-east-1, its SQS event from queue 'orders':"
                        + " CreateEventSourceMapping failed: InvalidParameterValueException: 1 validation error"
                        + " detected: Value '1' at 'scalingConfig.maximumConcurrency' failed to satisfy constraint:"
                        + " Member must have value between 2 and 1000");
    }

    @Test
    void a_batch_over_ten_without_a_window_fails_the_start_with_lambdas_message() {
        StackConfig config = StackConfig.defaults().withQueue(QueueSpec.named("orders"))
                .withFunction(FunctionSpec.named("fulfil", Consumer.class).withSqsEvent("orders", 20));

        assertThatThrownBy(config::start)
                .hasMessageEndingWith("InvalidParameterValueException: Maximum batch window in seconds must be greater"
                        + " than 0 if maximum batch size is greater than 10");
    }

    @Test
    void an_undeclared_queue_fails_the_start_naming_the_queue_and_the_queues_there() {
        StackConfig config = StackConfig.defaults().withQueue(QueueSpec.named("orders"))
                .withFunction(FunctionSpec.named("fulfil", Consumer.class).withSqsEvent("payments", 5));

        assertThatThrownBy(config::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("declared function 'fulfil' in us-east-1 has an SQS event from queue 'payments', which"
                        + " does not exist in us-east-1 (its queues there: [orders]); declare it with"
                        + " StackConfig.withQueue in the function's region");
    }

    @Test
    void settings_lambda_cannot_take_are_refused_at_once() {
        SqsEventSource orders = SqsEventSource.queue("orders");

        assertThatThrownBy(() -> orders.withBatchSize(0))
                .hasMessage("a batch size is 1 or more, got 0");
        assertThatThrownBy(() -> orders.withBatchingWindow(Duration.ofMillis(1500)))
                .hasMessage("a batching window is a whole number of seconds from 0 to 300, got PT1.5S");
        assertThat(orders.withBatchSize(5).withReportBatchItemFailures())
                .hasToString("SqsEventSource[queue orders, batch size 5, window PT0S, reports batch item failures,"
                        + " enabled]");
    }

    @Test
    void two_functions_consume_two_queues() {
        StackConfig config = StackConfig.defaults().withQueue(QueueSpec.named("orders"))
                .withQueue(QueueSpec.named("refunds"))
                .withFunction(FunctionSpec.named("fulfil", Consumer.class).withSqsEvent("orders", 10))
                .withFunction(FunctionSpec.named("refund", Consumer.class).withSqsEvent("refunds", 10));
        try (Stack stack = config.start(); SqsClient sqs = Clients.sqs(stack, "us-east-1")) {
            List<String> orders = send(sqs, stack, "orders", 2);
            List<String> refunds = send(sqs, stack, "refunds", 3);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(carried(stack, "fulfil")).containsExactlyInAnyOrderElementsOf(orders);
                assertThat(carried(stack, "refund")).containsExactlyInAnyOrderElementsOf(refunds);
            });
        }
    }

    @Test
    void one_function_consumes_several_queues() {
        StackConfig config = StackConfig.defaults().withQueue(QueueSpec.named("orders"))
                .withQueue(QueueSpec.named("refunds"))
                .withFunction(FunctionSpec.named("ledger", Consumer.class).withSqsEvent("orders", 10)
                        .withSqsEvent("refunds", 10));
        try (Stack stack = config.start(); SqsClient sqs = Clients.sqs(stack, "us-east-1")) {
            List<String> sent = new ArrayList<>(send(sqs, stack, "orders", 2));
            sent.addAll(send(sqs, stack, "refunds", 2));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(carried(stack, "ledger"))
                    .containsExactlyInAnyOrderElementsOf(sent));
        }
    }

    @Test
    void a_stack_reset_creates_the_mapping_again_and_it_polls() {
        try (Stack stack = ORDERS.start(); SqsClient sqs = Clients.sqs(stack, "us-east-1");
                LambdaClient lambda = Clients.lambda(stack, "us-east-1")) {
            List<AppliedResources.Resource> recreated = stack.reset();

            assertThat(recreated).filteredOn(r -> r.type().equals("AWS::Lambda::EventSourceMapping"))
                    .singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.CREATED));
            assertThat(lambda.listEventSourceMappings().eventSourceMappings()).singleElement()
                    .satisfies(mapping -> assertThat(mapping.batchSize()).isEqualTo(5));
            assertDelivers(stack, sqs);
        }
    }

    @Test
    void a_lambda_reset_creates_the_mapping_again_and_an_sqs_reset_keeps_it() {
        try (Stack stack = ORDERS.start(); SqsClient sqs = Clients.sqs(stack, "us-east-1");
                LambdaClient lambda = Clients.lambda(stack, "us-east-1")) {
            String before = lambda.listEventSourceMappings().eventSourceMappings().get(0).uuid();

            assertThat(ResetClients.http(stack, "POST", "/_localstack/state/sqs/reset").body())
                    .contains("\"type\":\"AWS::Lambda::EventSourceMapping\"").contains("\"id\":\"" + before + "\"");
            assertThat(lambda.listEventSourceMappings().eventSourceMappings()).extracting(m -> m.uuid())
                    .containsExactly(before);
            assertDelivers(stack, sqs);

            ResetClients.http(stack, "POST", "/_localstack/state/lambda/reset");
            assertThat(lambda.listEventSourceMappings().eventSourceMappings()).singleElement()
                    .satisfies(mapping -> assertThat(mapping.uuid()).isNotEqualTo(before));
            assertDelivers(stack, sqs);
        }
    }

    @Test
    void a_mapping_reloaded_from_a_data_directory_is_kept_not_duplicated(@TempDir Path dir) {
        DataDirectory data = DataDirectory.open(dir);
        String before;
        try (Stack stack = data.start(ORDERS, System.err::println);
                LambdaClient lambda = Clients.lambda(stack, "us-east-1")) {
            before = lambda.listEventSourceMappings().eventSourceMappings().get(0).uuid();
            data.save(stack);
        }
        try (Stack stack = data.start(ORDERS, System.err::println); SqsClient sqs = Clients.sqs(stack, "us-east-1");
                LambdaClient lambda = Clients.lambda(stack, "us-east-1")) {
            assertThat(lambda.listEventSourceMappings().eventSourceMappings()).extracting(m -> m.uuid())
                    .containsExactly(before);
            assertDelivers(stack, sqs);
        }
    }

    private static void assertDelivers(Stack stack, SqsClient sqs) {
        List<String> sent = send(sqs, stack, "orders", 2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(carried(stack, "fulfil"))
                .containsAll(sent));
    }

    private static List<String> send(SqsClient sqs, Stack stack, String queue, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = queue + "-" + i;
            ids.add(sqs.sendMessage(b -> b.queueUrl(stack.queue(queue).url()).messageBody(body)).messageId());
        }
        return ids;
    }

    /** The message ids the function's successful invocations carried. */
    private static List<String> carried(Stack stack, String function) {
        return stack.function(function).invocations().stream()
                .filter(i -> i.outcome() == LedgerEntry.InvocationOutcome.SUCCESS)
                .flatMap(i -> i.carried().stream()).toList();
    }
}
