package dev.simstack.junit.faults;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.SqsEventSource;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.fault.FaultInjector;
import dev.simstack.fault.FaultPlan;
import dev.simstack.fault.MessageMatcher;
import dev.simstack.fault.PoisonMessages;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Poison messages in a plan applied in code: the whole batch fails, and a redrive brings them back once lifted. */
class PoisonRedriveTest {

    @Test
    void a_redrive_after_the_fault_is_lifted_brings_the_poison_messages_back_and_they_are_handled() {
        // docs:poison-redrive-start
        FaultInjector faults = new FaultInjector(FaultPlan.none()
                .with(PoisonMessages.on("orders", MessageMatcher.bodyMatches("\"qty\":-\\d+"))));
        try (Stack stack = StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(5).withInterceptor(faults)
                .withQueue(QueueSpec.named("orders-dlq"))
                .withQueue(QueueSpec.named("orders").withAttribute("VisibilityTimeout", "30")
                        .withDeadLetterQueue("orders-dlq", 2))
                .withFunction(FunctionSpec.named("worker", OrderWorker.class)
                        .withSqsEvent(SqsEventSource.queue("orders").withBatchSize(1)))
                .start();
             SqsClient sqs = SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                     .build()) {
            sqs.sendMessage(b -> b.queueUrl(stack.queue("orders").url()).messageBody("{\"id\":\"o-2\",\"qty\":-1}"));
            assertThat(stack).queue("orders-dlq").eventually(Duration.ofMinutes(5)).hasDepth(1);

            faults.replace(FaultPlan.none(), stack.seed()); // the fix is deployed: lift the fault
            sqs.startMessageMoveTask(b -> b.sourceArn(stack.queue("orders-dlq").arn()));

            assertThat(stack).queue("orders-dlq").eventually(Duration.ofMinutes(1)).isEmpty();
            assertThat(stack).queue("orders").eventually(Duration.ofMinutes(1)).isEmpty();
            // docs:poison-redrive-end
            assertThat(stack.ledger().entries(LedgerEntry.Message.class)).extracting(LedgerEntry.Message::kind)
                    .containsExactly(LedgerEntry.MessageEvent.SENT, LedgerEntry.MessageEvent.DELIVERED,
                            LedgerEntry.MessageEvent.DELIVERED, LedgerEntry.MessageEvent.MOVED_TO_DLQ,
                            LedgerEntry.MessageEvent.SENT, LedgerEntry.MessageEvent.DELIVERED,
                            LedgerEntry.MessageEvent.DELETED);
            assertThat(stack.function("worker").invocations()).hasSize(3); // two failed batches, then the redrive
        }
    }
}
