package dev.simstack.core.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The README's first example, compiled and run so that it cannot rot. Keep the two in step. */
class FirstExampleTest {

    @Test
    void first_example() {
        // README:begin
        try (Stack stack = StackConfig.defaults()
                .withQueue(QueueSpec.named("orders-dlq"))
                .withQueue(QueueSpec.named("orders").withDeadLetterQueue("orders-dlq", 3))
                .withClock(ClockSpec.manual())          // time moves only when the test says so
                .withSeed(42)                           // every random choice replays from this seed
                .start();
             SqsClient sqs = SqsClient.builder()
                .endpointOverride(stack.endpoint())  // the only change an application needs
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {

            String url = stack.queue("orders").url();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("{\"orderId\":1}"));
            Message first = sqs.receiveMessage(b -> b.queueUrl(url)).messages().get(0);

            stack.clock().advance(Duration.ofSeconds(31));   // past the 30 s visibility timeout
            Message again = sqs.receiveMessage(b -> b.queueUrl(url)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                    .messages().get(0);

            assertThat(again.messageId()).isEqualTo(first.messageId());
            assertThat(again.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");
            assertThat(stack.queue("orders").depth().inFlight()).isEqualTo(1);   // a handle reads state directly
            assertThat(stack.ledger().entries(LedgerEntry.Message.class))
                    .extracting(LedgerEntry.Message::kind)
                    .containsExactly(LedgerEntry.MessageEvent.SENT, LedgerEntry.MessageEvent.DELIVERED,
                            LedgerEntry.MessageEvent.DELIVERED);
        }
        // README:end
    }
}
