package dev.simstack.junit.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.AwsService;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.junit.DocSnippets;
import dev.simstack.junit.FaultPlanFile;
import dev.simstack.junit.InjectFault;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Latency;
import dev.simstack.junit.Queue;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.SimStackClients;
import dev.simstack.junit.Throttle;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** @InjectFault, @Latency, @FaultPlanFile and @Throttle's "when" attributes, run through the JUnit Platform. */
class WireFaultAnnotationsTest {

    @Test
    void inject_fault_resets_drops_and_truncates_as_the_sdk_meets_them() {
        Kit.assertPassed(Kit.run(WireFaults.class), 3);
    }

    @Test
    void inject_fault_answers_any_aws_error() {
        Kit.assertPassed(Kit.run(AwsErrors.class), 2);
    }

    @Test
    void latency_delays_calls_by_a_drawn_delay_on_the_stacks_clock() {
        Kit.assertPassed(Kit.run(Delays.class), 1);
    }

    @Test
    void throttle_acts_on_every_nth_call_and_within_a_window_of_the_clock() {
        Kit.assertPassed(Kit.run(Whens.class), 2);
    }

    @Test
    void a_plan_file_next_to_the_test_class_is_applied() {
        Kit.assertPassed(Kit.run(PlanFile.class), 1);
    }

    @Test
    void misused_fault_annotations_say_what_to_change() {
        EngineExecutionResults results = Kit.run(Misused.class);

        assertThat(Kit.failureMessages(results)).containsExactlyInAnyOrder(
                "@InjectFault on Misused.nothing_to_inject: give an error (throttle, internal, unavailable or an AWS "
                        + "error code with its status) or a wire fault (reset, drop, truncate)",
                "@InjectFault on Misused.a_code_without_status: error \"KmsThrottled\" needs its HTTP status: add "
                        + "status = 400 (or the status AWS answers it with)",
                "@FaultPlanFile on Misused.a_missing_file: \"nowhere.yaml\" was found neither on the class path (next "
                        + "to Misused or at the root, e.g. src/test/resources/nowhere.yaml) nor as a file relative to "
                        + java.nio.file.Path.of("").toAbsolutePath() + "; put it there or give its path");
    }

    @Test
    void the_docs_show_the_annotations_as_these_tests_use_them() {
        DocSnippets.assertShows("docs/faults.md", WireFaultAnnotationsTest.class, "reset", "drop", "latency", "when",
                "plan-file", "error");
    }

    static List<LedgerEntry.Request> faulted(Stack stack, String operation) {
        return stack.ledger().entries(LedgerEntry.Request.class).stream()
                .filter(r -> r.service() == AwsService.SQS && r.operation().equals(operation))
                .filter(r -> r.fault() != null).toList();
    }

    static void send(Stack stack, SqsClient sqs, String body) {
        sqs.sendMessage(b -> b.queueUrl(stack.queue("orders").url()).messageBody(body));
    }

    @SimStack(queues = @Queue(name = "orders"), seed = 7)
    static class WireFaults {

        // docs:reset-start
        @Test
        @InjectFault(service = "sqs", operation = "SendMessage", wire = "reset", times = 2)
        void the_sdk_retries_a_reset_connection(Stack stack, SqsClient sqs) {
            send(stack, sqs, "order-1"); // attempts 1 and 2 are reset, the SDK's third is answered

            assertThat(faulted(stack, "SendMessage")).hasSize(2)
                    .allSatisfy(request -> assertThat(request.status()).isZero()); // no answer was sent
            assertThat(stack.queue("orders").depth().visible()).isEqualTo(1);
        }
        // docs:reset-end

        // docs:drop-start
        @Test
        @InjectFault(service = "sqs", operation = "SendMessage", wire = "drop")
        void a_dropped_connection_ends_in_the_clients_attempt_timeout(Stack stack) {
            try (SqsClient impatient = SimStackClients.configure(SqsClient.builder(), stack)
                    .overrideConfiguration(o -> o.apiCallAttemptTimeout(Duration.ofMillis(200))
                            .retryStrategy(r -> r.maxAttempts(2)))
                    .build()) {
                assertThatThrownBy(() -> send(stack, impatient, "order-1"))
                        .isInstanceOf(ApiCallAttemptTimeoutException.class);
            }
            assertThat(faulted(stack, "SendMessage")).hasSize(2);
        }
        // docs:drop-end

        @Test
        @InjectFault(service = "sqs", operation = "SendMessage", wire = "truncate", times = 1)
        void a_truncated_answer_is_retried_and_read_whole(Stack stack, SqsClient sqs) {
            send(stack, sqs, "order-1");

            assertThat(faulted(stack, "SendMessage")).singleElement()
                    .satisfies(request -> assertThat(request.status()).isEqualTo(200));
            // The first attempt was processed before its answer was cut: the SDK's retry sends the message again.
            assertThat(stack.queue("orders").depth().visible()).isEqualTo(2);
        }
    }

    @SimStack(queues = @Queue(name = "orders"), seed = 7)
    static class AwsErrors {

        // docs:error-start
        @Test
        @InjectFault(service = "sqs", operation = "SendMessage", error = "KmsThrottled", status = 400,
                message = "Request was denied due to request throttling.")
        void any_aws_error_code_reaches_the_client(Stack stack, SqsClient sqs) {
            assertThatThrownBy(() -> send(stack, sqs, "order-1")).isInstanceOfSatisfying(SqsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KmsThrottled");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Request was denied due to request "
                        + "throttling.");
            });
        }
        // docs:error-end

        @Test
        @InjectFault(service = "sqs", operation = "SendMessage", error = "internal", times = 1)
        void the_services_own_internal_error_is_retried(Stack stack, SqsClient sqs) {
            send(stack, sqs, "order-1");

            assertThat(faulted(stack, "SendMessage")).singleElement().satisfies(request -> {
                assertThat(request.status()).isEqualTo(500);
                assertThat(request.errorCode()).isEqualTo("InternalFailure");
            });
        }
    }

    @SimStack(queues = @Queue(name = "orders"), seed = 7)
    static class Delays {

        // docs:latency-start
        @Test
        @Latency(service = "sqs", operation = "SendMessage", value = "p50=20ms, p99=60ms")
        void sends_take_as_long_as_the_drawn_delay(Stack stack, SqsClient sqs) {
            send(stack, sqs, "order-1");

            assertThat(faulted(stack, "SendMessage")).singleElement()
                    .satisfies(request -> assertThat(request.latency()).isPositive());
        }
        // docs:latency-end
    }

    @SimStack(queues = @Queue(name = "orders"), seed = 7, clock = "manual")
    static class Whens {

        // docs:when-start
        @Test
        @Throttle(service = "sqs", operation = "SendMessage", every = 2)
        void every_second_send_is_throttled(Stack stack, SqsClient sqs) {
            send(stack, sqs, "a"); // call 1
            send(stack, sqs, "b"); // call 2 throttled, the SDK's retry is call 3
            send(stack, sqs, "c"); // call 4 throttled, the SDK's retry is call 5

            assertThat(faulted(stack, "SendMessage")).hasSize(2);
        }

        @Test
        @Throttle(service = "sqs", operation = "SendMessage", from = "10s", duration = "1m")
        void throttling_starts_ten_seconds_into_the_test(Stack stack, SqsClient sqs) {
            send(stack, sqs, "before");
            stack.clock().advance(Duration.ofSeconds(10));
            SqsClient once = SimStackClients.configure(SqsClient.builder(), stack)
                    .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))).build();
            assertThatThrownBy(() -> send(stack, once, "during")).isInstanceOf(SqsException.class);
            once.close();
        }
        // docs:when-end
    }

    @SimStack(queues = @Queue(name = "orders"), seed = 7)
    // docs:plan-file-start
    @FaultPlanFile("flaky-orders.yaml") // next to this class: src/test/resources/<its package>/flaky-orders.yaml
    static class PlanFile {

        @Test
        void the_plan_files_rules_apply(Stack stack, SqsClient sqs) {
            send(stack, sqs, "order-1"); // reset twice, then answered

            assertThat(faulted(stack, "SendMessage")).hasSize(2)
                    .allSatisfy(request -> assertThat(request.fault()).isEqualTo("lost-sends"));
        }
    }
    // docs:plan-file-end

    @SimStack(queues = @Queue(name = "orders"), seed = 7)
    static class Misused {

        @Test
        @InjectFault(service = "sqs")
        void nothing_to_inject() {
        }

        @Test
        @InjectFault(service = "sqs", error = "KmsThrottled")
        void a_code_without_status() {
        }

        @Test
        @FaultPlanFile("nowhere.yaml")
        void a_missing_file() {
        }
    }
}
