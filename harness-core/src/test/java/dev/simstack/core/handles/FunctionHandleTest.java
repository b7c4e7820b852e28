package dev.simstack.core.handles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.FunctionHandle;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.lambda.Handlers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code stack.function(..)}: its identity and its invocations from the ledger, whoever invoked it. */
class FunctionHandleTest {

    private Stack stack;
    private LambdaClient lambda;
    private SqsClient sqs;

    @BeforeEach
    void start() {
        stack = StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(11)
                .withQueue(QueueSpec.named("jobs"))
                .withFunction(FunctionSpec.named("upper", Handlers.UpperCase.class))
                .withFunction(FunctionSpec.named("recorder", Handlers.SqsRecorder.class))
                .start();
        lambda = HandleClients.lambda(stack);
        sqs = HandleClients.sqs(stack);
    }

    @AfterEach
    void stop() {
        lambda.close();
        sqs.close();
        stack.close();
    }

    @Test
    void invocations_are_this_functions_ledger_entries_in_order() {
        String first = lambda.invoke(b -> b.functionName("upper").payload(SdkBytes.fromUtf8String("\"a\"")))
                .responseMetadata().requestId();
        lambda.invoke(b -> b.functionName("upper").payload(SdkBytes.fromUtf8String("\"b\"")));

        FunctionHandle upper = stack.function("upper");

        assertThat(upper.invocations()).hasSize(2).allSatisfy(invocation -> {
            assertThat(invocation.function()).isEqualTo(upper.ref());
            assertThat(invocation.outcome()).isEqualTo(LedgerEntry.InvocationOutcome.SUCCESS);
            assertThat(invocation.trigger()).isEqualTo("invoke");
        });
        assertThat(upper.invocations().get(0).requestId()).isEqualTo(first);
        assertThat(stack.function("recorder").invocations()).isEmpty();
    }

    @Test
    void invocations_by_an_sqs_event_source_mapping_are_counted_too() {
        lambda.createEventSourceMapping(b -> b.functionName("recorder").eventSourceArn(stack.queue("jobs").arn())
                .batchSize(1));
        sqs.sendMessage(b -> b.queueUrl(stack.queue("jobs").url()).messageBody("job"));

        FunctionHandle recorder = stack.function("recorder");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(recorder.invocations()).singleElement()
                .satisfies(invocation -> assertThat(invocation.trigger()).isEqualTo("sqs:" + stack.queue("jobs").arn())));
        assertThat(stack.function("upper").invocations()).isEmpty();
    }

    @Test
    void ref_and_arn_name_the_unqualified_function() {
        FunctionHandle upper = stack.function("upper");

        assertThat(upper.ref()).isEqualTo(ResourceRef.function("us-east-1", "000000000000", "upper"));
        assertThat(upper.arn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:upper");
    }

    @Test
    void invocations_stay_readable_after_the_function_is_deleted() {
        lambda.invoke(b -> b.functionName("upper").payload(SdkBytes.fromUtf8String("\"a\"")));
        FunctionHandle upper = stack.function("upper");

        lambda.deleteFunction(b -> b.functionName("upper"));

        assertThat(upper.invocations()).hasSize(1);
    }
}
