package dev.simstack.core.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.simstack.core.AwsException;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.internal.services.sqs.MessageDraft;
import dev.simstack.core.internal.services.sqs.ReceiveRequest;
import dev.simstack.core.internal.services.sqs.ReceivedMessage;
import dev.simstack.core.internal.services.sqs.SentMessage;
import dev.simstack.core.internal.services.sqs.SqsPort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** SQS's typed port, as the engine's own callers use it, checked against what SDK clients see. */
class SqsPortTest {

    private static final String BODY = "Grüße, 世界 ✓ {\"order\": 42}";

    private Stack stack;
    private SqsClient sqs;
    private SqsPort port;

    @BeforeEach
    void start() {
        stack = StackConfig.defaults().withSeed(3)
                .withQueue(QueueSpec.named("orders"))
                .withQueue(QueueSpec.named("copy"))
                .withQueue(QueueSpec.named("orders.fifo").withAttribute("FifoQueue", "true"))
                .start();
        sqs = PortsSupport.sqs(stack);
        port = PortsSupport.engine(stack).sqs().port();
    }

    @AfterEach
    void stop() {
        sqs.close();
        stack.close();
    }

    @Test
    void a_port_send_answers_what_a_wire_send_answers_and_is_received_by_an_sdk_consumer() {
        SentMessage sent = port.send(PortsSupport.queue(stack, "orders"), MessageDraft.of(BODY), stack.accountId());
        var wire = sqs.sendMessage(b -> b.queueUrl(PortsSupport.url(sqs, "copy")).messageBody(BODY));

        assertThat(sent.md5OfMessageBody()).isEqualTo(wire.md5OfMessageBody());
        assertThat(sent.md5OfMessageAttributes()).isNull();
        assertThat(sent.sequenceNumber()).isNull();
        // the SDK checks MD5OfBody against the body it receives
        Message received = sqs.receiveMessage(b -> b.queueUrl(PortsSupport.url(sqs, "orders"))
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages().get(0);
        assertThat(received.messageId()).isEqualTo(sent.messageId());
        assertThat(received.body()).isEqualTo(BODY);
        assertThat(received.attributes()).containsEntry(MessageSystemAttributeName.SENDER_ID, stack.accountId());
        assertThat(received.messageAttributes()).isEmpty();
    }

    @Test
    void a_port_receive_hands_out_the_message_with_its_attributes_and_a_port_delete_removes_it() {
        String url = PortsSupport.url(sqs, "orders");
        String id = sqs.sendMessage(b -> b.queueUrl(url).messageBody(BODY).messageAttributes(Map.of(
                "kind", MessageAttributeValue.builder().dataType("String").stringValue("gift").build(),
                "raw", MessageAttributeValue.builder().dataType("Binary")
                        .binaryValue(SdkBytes.fromByteArray(new byte[] {0, (byte) 0xff, 7})).build()))).messageId();
        ResourceRef orders = PortsSupport.queue(stack, "orders");

        List<ReceivedMessage> received = port.receive(orders, ReceiveRequest.everything(10, 0, "tester"))
                .toCompletableFuture().join();

        assertThat(received).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo(id);
            assertThat(message.body()).isEqualTo(BODY);
            assertThat(message.attributes()).containsEntry("SenderId", PortsSupport.ACCESS_KEY)
                    .containsEntry("ApproximateReceiveCount", "1").containsKeys("SentTimestamp",
                            "ApproximateFirstReceiveTimestamp");
            assertThat(message.messageAttributes()).containsOnlyKeys("kind", "raw");
            assertThat(message.messageAttributes().get("raw").binaryValue()).containsExactly(0, 0xff, 7);
        });
        assertThat(depth("orders")).containsExactly(0, 1);

        port.delete(orders, received.get(0).receiptHandle(), "tester");

        assertThat(depth("orders")).containsExactly(0, 0);
        assertThat(stack.ledger().entries(LedgerEntry.Message.class))
                .filteredOn(m -> m.kind() != LedgerEntry.MessageEvent.SENT)
                .extracting(LedgerEntry.Message::kind, LedgerEntry.Message::consumer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LedgerEntry.MessageEvent.DELIVERED, "tester"),
                        org.assertj.core.groups.Tuple.tuple(LedgerEntry.MessageEvent.DELETED, "tester"));
    }

    @Test
    void a_port_change_of_visibility_to_zero_makes_the_message_receivable_again() {
        String url = PortsSupport.url(sqs, "orders");
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(BODY));
        ResourceRef orders = PortsSupport.queue(stack, "orders");
        ReceivedMessage first = port.receive(orders, ReceiveRequest.everything(1, 0, "tester"))
                .toCompletableFuture().join().get(0);

        port.changeVisibility(orders, first.receiptHandle(), 0);

        Message again = sqs.receiveMessage(b -> b.queueUrl(url)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages().get(0);
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(again.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");
    }

    @Test
    void a_missing_queue_another_accounts_queue_and_a_function_are_QueueDoesNotExist() {
        for (ResourceRef ref : List.of(PortsSupport.queue(stack, "missing"),
                ResourceRef.queue(stack.defaultRegion(), "111122223333", "orders"),
                PortsSupport.function(stack, "orders"))) {
            AwsException error = catchThrowableOfType(() -> port.send(ref, MessageDraft.of(BODY), "tester"),
                    AwsException.class);
            assertThat(error.code()).as(ref.toString()).isEqualTo("QueueDoesNotExist");
            assertThat(error.getMessage()).isEqualTo("The specified queue does not exist.");
            assertThat(port.exists(ref)).isFalse();
        }
        assertThat(port.exists(PortsSupport.queue(stack, "orders"))).isTrue();
    }

    @Test
    void a_port_send_is_refused_with_the_error_a_wire_send_gets() {
        assertSameRefusal("orders", "");
        assertSameRefusal("orders", "bell \u0007");
        assertSameRefusal("orders.fifo", BODY); // no MessageGroupId
    }

    private void assertSameRefusal(String queue, String body) {
        SqsException wire = catchThrowableOfType(() -> sqs.sendMessage(b -> b.queueUrl(PortsSupport.url(sqs, queue))
                .messageBody(body)), SqsException.class);
        AwsException typed = catchThrowableOfType(() -> port.send(PortsSupport.queue(stack, queue),
                MessageDraft.of(body), "tester"), AwsException.class);
        assertThat(typed.getMessage()).isEqualTo(wire.awsErrorDetails().errorMessage());
        assertThat(typed.queryCode()).isEqualTo(wire.awsErrorDetails().errorCode());
    }

    private int[] depth(String queue) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(PortsSupport.url(sqs,
                queue)).attributeNames(QueueAttributeName.ALL)).attributes();
        return new int[] {Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
                Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))};
    }
}
