package dev.simstack.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Event invocations: two retries a minute and two minutes apart, then the destinations. */
class AsyncInvokeTest {

    private Stack stack;
    private LambdaClient lambda;
    private SqsClient sqs;

    @BeforeEach
    void start() {
        stack = StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(1)
                .withQueue(QueueSpec.named("failures"))
                .withQueue(QueueSpec.named("dead-letters"))
                .withQueue(QueueSpec.named("successes"))
                .withFunction(FunctionSpec.named("failing", Handlers.Failing.class))
                .withFunction(FunctionSpec.named("upper", Handlers.UpperCase.class))
                .start();
        lambda = LambdaTestSupport.lambda(stack);
        sqs = LambdaTestSupport.sqs(stack);
    }

    @AfterEach
    void stop() {
        lambda.close();
        sqs.close();
        stack.close();
    }

    private List<LedgerEntry.Invocation> invocations() {
        return stack.ledger().entries(LedgerEntry.Invocation.class);
    }

    private List<Message> receive(String queue) {
        return sqs.receiveMessage(b -> b.queueUrl(stack.queue(queue).url()).maxNumberOfMessages(10)).messages();
    }

    @Test
    void a_failing_event_is_retried_twice_on_the_clock_then_sent_to_on_failure_and_the_dlq() {
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("failing").maximumRetryAttempts(2)
                .destinationConfig(d -> d.onFailure(f -> f.destination(stack.queue("failures").arn()))));
        lambda.updateFunctionConfiguration(b -> b.functionName("failing")
                .deadLetterConfig(d -> d.targetArn(stack.queue("dead-letters").arn())));

        int status = lambda.invoke(b -> b.functionName("failing").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"order\":7}"))).statusCode();

        assertThat(status).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> invocations().size() == 1);
        stack.clock().advance(Duration.ofSeconds(59));
        assertThat(invocations()).hasSize(1);
        stack.clock().advance(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> invocations().size() == 2);
        stack.clock().advance(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(10)).until(() -> invocations().size() == 3);

        assertThat(invocations()).allSatisfy(i -> {
            assertThat(i.outcome()).isEqualTo(LedgerEntry.InvocationOutcome.ERROR);
            assertThat(i.trigger()).isEqualTo("invoke:event");
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Message> failures = receive("failures");
            assertThat(failures).hasSize(1);
            assertThat(failures.get(0).body()).contains("\"condition\":\"RetriesExhausted\"")
                    .contains("\"approximateInvokeCount\":3").contains("\"requestPayload\":{\"order\":7}")
                    .contains("\"functionError\":\"Unhandled\"");
        });
        assertThat(receive("dead-letters")).extracting(Message::body).containsExactly("{\"order\":7}");
    }

    @Test
    void a_successful_event_goes_to_on_success() {
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("upper")
                .destinationConfig(d -> d.onSuccess(s -> s.destination(stack.queue("successes").arn()))));

        lambda.invoke(b -> b.functionName("upper").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("\"abc\"")));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(receive("successes"))
                .singleElement().satisfies(m -> assertThat(m.body()).contains("\"condition\":\"Success\"")
                        .contains("\"responsePayload\":\"ABC\"")));
    }

    @Test
    void retry_attempts_zero_sends_the_first_failure_straight_on() {
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("failing").maximumRetryAttempts(0)
                .destinationConfig(d -> d.onFailure(f -> f.destination(stack.queue("failures").arn()))));

        lambda.invoke(b -> b.functionName("failing").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{}")));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(receive("failures")).hasSize(1));
        assertThat(invocations()).hasSize(1);
    }
}
