package dev.simstack.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.SimClock;
import dev.simstack.core.SqsEventSource;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code Stack.awaitQuiet}: the stack is busy while work that needs no clock movement is left, and only then quiet. */
class QuietStackTest {

    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration LONG = Duration.ofSeconds(20);

    private Stack stack;
    private LambdaClient lambda;
    private SqsClient sqs;

    @BeforeEach
    void start() {
        stack = StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(3)
                .withQueue(QueueSpec.named("orders"))
                .withFunction(FunctionSpec.named("blocking", Handlers.Blocking.class))
                .withFunction(FunctionSpec.named("slow", WallTimeWorker.class))
                .withFunction(FunctionSpec.named("waits-on-dependency", ClockDependency.class).withTimeout(Duration.ofSeconds(60)))
                .withFunction(FunctionSpec.named("cold", WallTimeWorker.class).withColdStartDelay(Duration.ofSeconds(1)))
                .withFunction(FunctionSpec.named("gated-worker", GatedWorker.class)
                        .withSqsEvent(SqsEventSource.queue("orders").withBatchSize(1).withMaximumConcurrency(2)))
                .start();
        lambda = LambdaTestSupport.lambda(stack);
        sqs = LambdaTestSupport.sqs(stack);
        WallTimeWorker.DONE.clear();
        GatedWorker.started = new CountDownLatch(2);
        GatedWorker.release = new CountDownLatch(1);
    }

    @AfterEach
    void stop() {
        Handlers.Blocking.GATES.values().forEach(CountDownLatch::countDown);
        GatedWorker.release.countDown();
        lambda.close();
        sqs.close();
        stack.close();
    }

    @RepeatedTest(10) // the wait once lent its count before its timer was pending: an advance could pass it
    void a_handler_waiting_on_a_dependency_that_waits_on_the_clock_lets_quiet_advances_move_on() throws Exception {
        ClockDependency.clock = stack.clock();
        ClockDependency.called = new CountDownLatch(1);
        lambda.invoke(b -> b.functionName("waits-on-dependency").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{}")));
        assertThat(ClockDependency.called.await(10, TimeUnit.SECONDS)).isTrue();

        // without SimClock.waitUntil the invocation would count as busy until the wall time ran out
        assertThat(stack.clock().advanceQuietly(Duration.ofSeconds(30), LONG)).isTrue();

        LedgerEntry.Invocation run = stack.ledger().entries(LedgerEntry.Invocation.class).get(0);
        assertThat(run.outcome()).isEqualTo(LedgerEntry.InvocationOutcome.SUCCESS);
        assertThat(Duration.between(run.start(), run.end())).isEqualTo(Duration.ofSeconds(20));
    }

    // docs:wait-until-start
    /** Stands for a dependency outside the stack (an HTTP server, say) that answers 20 s later on the stack's clock. */
    public static final class ClockDependency implements RequestHandler<Map<String, Object>, String> {
        static volatile SimClock clock;
        static volatile CountDownLatch called = new CountDownLatch(1);

        @Override
        public String handleRequest(Map<String, Object> input, Context context) {
            Instant due = clock.now().plus(Duration.ofSeconds(20));
            called.countDown();
            try {
                while (!clock.waitUntil(due, Duration.ofMillis(100))) {
                    // polls, as a server that also watches for its own shutdown does
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "answered";
        }
    }
    // docs:wait-until-end

    @Test
    void a_stack_is_not_quiet_while_an_invocation_runs_and_is_quiet_once_it_ended() throws Exception {
        String gate = "quiet-" + System.nanoTime();
        lambda.invoke(b -> b.functionName("blocking").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"gate\":\"" + gate + "\"}")));
        assertThat(Handlers.Blocking.STARTED.computeIfAbsent(gate, g -> new CountDownLatch(1))
                .await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(stack.awaitQuiet(SHORT)).as("quiet while the handler runs").isFalse();

        Handlers.Blocking.GATES.computeIfAbsent(gate, g -> new CountDownLatch(1)).countDown();
        assertThat(stack.awaitQuiet(LONG)).isTrue();
        assertThat(stack.ledger().entries(LedgerEntry.Invocation.class)).singleElement()
                .satisfies(run -> assertThat(run.outcome()).isEqualTo(LedgerEntry.InvocationOutcome.SUCCESS));
    }

    @Test
    void a_handler_working_300ms_of_wall_time_is_waited_for() throws Exception {
        long began = System.nanoTime();
        lambda.invoke(b -> b.functionName("slow").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"id\":\"a\"}")));

        assertThat(stack.awaitQuiet(LONG)).isTrue();

        assertThat(WallTimeWorker.DONE).containsKey("a");
        assertThat(System.nanoTime() - began).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
    }

    @Test
    void a_cold_start_waits_on_the_clock_so_the_stack_is_quiet_until_the_clock_reaches_it() throws Exception {
        lambda.invoke(b -> b.functionName("cold").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"id\":\"b\"}")));

        assertThat(stack.awaitQuiet(LONG)).isTrue();
        assertThat(WallTimeWorker.DONE).doesNotContainKey("b");

        stack.clock().advance(Duration.ofSeconds(1));
        assertThat(stack.awaitQuiet(LONG)).isTrue();
        assertThat(WallTimeWorker.DONE).containsKey("b");
    }

    // docs:advance-quietly-start
    @Test
    void advancing_quietly_runs_what_a_timer_starts_at_the_timers_instant() {
        Instant sent = stack.clock().now();
        lambda.invoke(b -> b.functionName("cold").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"id\":\"c\"}")));

        // one step past the cold start: the handler's 300 ms of wall time pass at the cold start's instant
        assertThat(stack.clock().advanceQuietly(Duration.ofSeconds(5), LONG)).isTrue();

        assertThat(WallTimeWorker.DONE).containsKey("c");
        assertThat(stack.ledger().entries(LedgerEntry.Invocation.class)).singleElement().satisfies(run -> {
            assertThat(run.start()).isEqualTo(sent.plusSeconds(1));
            assertThat(run.end()).isEqualTo(sent.plusSeconds(1));
        });
        assertThat(stack.clock().now()).isEqualTo(sent.plusSeconds(5));
    }
    // docs:advance-quietly-end

    @Test
    void a_caller_that_never_catches_up_ends_the_wait_at_its_wall_time_bound() {
        Instant before = stack.clock().now();

        assertThat(stack.clock().advanceQuietly(Duration.ofSeconds(1), SHORT, () -> false)).isFalse();

        assertThat(stack.clock().now()).isEqualTo(before.plusSeconds(1));
    }

    @Test
    void a_handler_that_never_returns_ends_the_wait_at_its_wall_time_bound() throws Exception {
        String gate = "never-" + System.nanoTime();
        lambda.invoke(b -> b.functionName("blocking").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"gate\":\"" + gate + "\"}")));
        assertThat(Handlers.Blocking.STARTED.computeIfAbsent(gate, g -> new CountDownLatch(1))
                .await(10, TimeUnit.SECONDS)).isTrue();
        Instant before = stack.clock().now();

        assertThat(stack.clock().advanceQuietly(Duration.ofSeconds(1), SHORT)).isFalse();

        assertThat(stack.clock().now()).isEqualTo(before.plusSeconds(1));
    }

    @Test
    void a_message_waiting_for_a_poller_with_capacity_is_work_until_it_is_processed() throws Exception {
        Instant sentAt = stack.clock().now();
        for (String body : List.of("m1", "m2", "m3")) {
            sqs.sendMessage(b -> b.queueUrl(stack.queue("orders").url()).messageBody(body));
        }
        // the mapping runs two batches at once: both are held, the third message waits for one of them to end
        assertThat(GatedWorker.started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stack.awaitQuiet(SHORT)).as("quiet while two invocations run and a message waits").isFalse();

        GatedWorker.release.countDown();
        assertThat(stack.awaitQuiet(LONG)).isTrue();

        assertThat(stack.queue("orders").depth().isEmpty()).isTrue();
        assertThat(stack.ledger().entries(LedgerEntry.Message.class)).filteredOn(m ->
                m.kind() == LedgerEntry.MessageEvent.DELETED).hasSize(3)
                .allSatisfy(deleted -> assertThat(deleted.at()).isEqualTo(sentAt));
    }

    /** Works 300 ms of wall time (as a call to a slow service outside the stack would), then records its id. */
    public static final class WallTimeWorker implements RequestHandler<Map<String, Object>, String> {
        static final Map<String, Boolean> DONE = new ConcurrentHashMap<>();

        @Override
        public String handleRequest(Map<String, Object> input, Context context) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
            DONE.put(String.valueOf(input.get("id")), true);
            return "done";
        }
    }

    /** Holds every batch until released; counts the batches that started. */
    public static final class GatedWorker implements RequestHandler<SQSEvent, String> {
        static volatile CountDownLatch started = new CountDownLatch(2);
        static volatile CountDownLatch release = new CountDownLatch(1);

        @Override
        public String handleRequest(SQSEvent event, Context context) {
            started.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS) ? "done" : "not released";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
    }
}
