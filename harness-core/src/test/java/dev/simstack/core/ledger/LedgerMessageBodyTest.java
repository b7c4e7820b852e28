package dev.simstack.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.LedgerEntry.MessageEvent;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** A message's SENT step carries its body, the queue's own String; its other steps carry none. */
class LedgerMessageBodyTest {

    private static Stack stack;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(5).withQueue(QueueSpec.named("orders")).start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void only_the_sent_step_carries_the_body_and_it_is_the_queues_own_string() {
        try (SqsClient sqs = SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            String url = stack.queue("orders").url();
            String id = sqs.sendMessage(b -> b.queueUrl(url).messageBody("{\"orderId\":\"o-1\"}")).messageId();
            String held = stack.queue("orders").peek().get(0).body();
            Message received = sqs.receiveMessage(b -> b.queueUrl(url)).messages().get(0);
            sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(received.receiptHandle()));

            List<LedgerEntry.Message> steps = stack.ledger().entries(LedgerEntry.Message.class).stream()
                    .filter(step -> step.messageId().equals(id)).toList();
            assertThat(steps).extracting(LedgerEntry.Message::kind)
                    .containsExactly(MessageEvent.SENT, MessageEvent.DELIVERED, MessageEvent.DELETED);
            assertThat(steps.get(0).body()).isEqualTo("{\"orderId\":\"o-1\"}").isSameAs(held);
            assertThat(steps.subList(1, 3)).extracting(LedgerEntry.Message::body).containsOnlyNulls();
        }
    }
}
