package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.LedgerEntry.MessageEvent;
import dev.simstack.core.ResourceRef;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeNameException;
import software.amazon.awssdk.services.sqs.model.InvalidMessageContentsException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

class SendReceiveTest {

    private final SqsTestSupport s = SqsTestSupport.start();
    private final String url = s.createQueue("orders");

    @AfterEach
    void close() {
        s.close();
    }

    private static MessageAttributeValue text(String type, String value) {
        return MessageAttributeValue.builder().dataType(type).stringValue(value).build();
    }

    @Test
    void a_sent_message_is_received_with_its_body_and_digests() {
        SendMessageResponse sent = s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello"));
        assertThat(sent.md5OfMessageBody()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
        assertThat(sent.md5OfMessageAttributes()).isNull();
        List<Message> received = s.sqs.receiveMessage(b -> b.queueUrl(url)).messages();
        assertThat(received).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo(sent.messageId());
            assertThat(m.body()).isEqualTo("hello");
            assertThat(m.md5OfBody()).isEqualTo(sent.md5OfMessageBody());
            assertThat(m.receiptHandle()).isNotBlank();
        });
    }

    @Test
    void message_attributes_of_every_type_round_trip_and_the_sdk_accepts_their_digest() {
        Map<String, MessageAttributeValue> attributes = Map.of(
                "name", text("String", "Ada"),
                "count", text("Number.int", "42"),
                "price", text("Number", "-1.5e3"),
                "blob", MessageAttributeValue.builder().dataType("Binary.gz").binaryValue(
                        SdkBytes.fromByteArray(new byte[] {1, 2, 3})).build());
        SendMessageResponse sent = s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x")
                .messageAttributes(attributes));
        assertThat(sent.md5OfMessageAttributes()).isNotNull();
        Message received = s.sqs.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("All")).messages().get(0);
        assertThat(received.messageAttributes()).isEqualTo(attributes);
        assertThat(received.md5OfMessageAttributes()).isEqualTo(sent.md5OfMessageAttributes());
    }

    @Test
    void message_attribute_names_select_exact_names_and_prefixes() {
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageAttributes(Map.of(
                "order.id", text("String", "1"), "order.total", text("Number", "3"), "trace", text("String", "t"))));
        Message onlyPrefix = s.sqs.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("order.*")
                .visibilityTimeout(0)).messages().get(0);
        assertThat(onlyPrefix.messageAttributes()).containsOnlyKeys("order.id", "order.total");
        Message exact = s.sqs.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("trace")
                .visibilityTimeout(0)).messages().get(0);
        assertThat(exact.messageAttributes()).containsOnlyKeys("trace");
        Message none = s.sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)).messages().get(0);
        assertThat(none.messageAttributes()).isEmpty();
        assertThat(none.md5OfMessageAttributes()).isNull();
    }

    @Test
    void system_attributes_are_returned_when_asked_for() {
        s.advanceSeconds(5);
        long sentAt = s.stack.clock().millis();
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageSystemAttributes(Map.of(
                MessageSystemAttributeNameForSends.AWS_TRACE_HEADER, MessageSystemAttributeValue.builder()
                        .dataType("String").stringValue("Root=1-5759e988-bd862e3fe1be46a994272793").build())));
        s.advanceSeconds(2);
        Message m = s.sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0).messageSystemAttributeNames(
                MessageSystemAttributeName.ALL)).messages().get(0);
        assertThat(m.attributes()).containsEntry(MessageSystemAttributeName.SENDER_ID, "test")
                .containsEntry(MessageSystemAttributeName.SENT_TIMESTAMP, Long.toString(sentAt))
                .containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1")
                .containsEntry(MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP,
                        Long.toString(sentAt + 2000))
                .containsEntry(MessageSystemAttributeName.AWS_TRACE_HEADER, "Root=1-5759e988-bd862e3fe1be46a994272793")
                .doesNotContainKey(MessageSystemAttributeName.SEQUENCE_NUMBER);
        Message legacy = s.sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)).messages().get(0);
        assertThat(legacy.attributes()).isEmpty();
    }

    @Test
    void the_deprecated_attribute_names_parameter_still_works() {
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x"));
        Message m = s.sqs.receiveMessage(b -> b.queueUrl(url).attributeNamesWithStrings("ApproximateReceiveCount"))
                .messages().get(0);
        assertThat(m.attributes()).containsOnlyKeys(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        assertThatThrownBy(() -> s.sqs.receiveMessage(b -> b.queueUrl(url).attributeNamesWithStrings("Nope")))
                .isInstanceOf(InvalidAttributeNameException.class);
    }

    @Test
    void a_receive_returns_at_most_max_number_of_messages_each_once() {
        for (int i = 0; i < 15; i++) {
            int n = i;
            s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("m" + n));
        }
        Set<String> bodies = new HashSet<>();
        List<Message> first = s.sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
        assertThat(first).hasSize(10);
        first.forEach(m -> bodies.add(m.body()));
        List<Message> second = s.sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
        assertThat(second).hasSize(5);
        second.forEach(m -> assertThat(bodies.add(m.body())).isTrue());
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages()).isEmpty();
    }

    @Test
    void which_messages_a_standard_receive_returns_is_deterministic_per_seed() {
        assertThat(receiveOrder(7)).isEqualTo(receiveOrder(7));
    }

    private List<String> receiveOrder(long seed) {
        try (SqsTestSupport other = SqsTestSupport.start(dev.simstack.core.StackConfig.defaults().withSeed(seed)
                .withClock(dev.simstack.core.ClockSpec.manual()))) {
            String queue = other.createQueue("q");
            for (int i = 0; i < 20; i++) {
                int n = i;
                other.sqs.sendMessage(b -> b.queueUrl(queue).messageBody("m" + n));
            }
            return other.sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)).messages().stream()
                    .map(Message::body).collect(Collectors.toList());
        }
    }

    @Test
    void a_delayed_message_is_invisible_until_its_delay_passes() {
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("later").delaySeconds(10));
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
        s.advanceSeconds(9);
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
        s.advanceSeconds(1);
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(url)).messages()).hasSize(1);
    }

    @Test
    void the_queue_delay_applies_unless_the_message_sets_its_own() {
        s.sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.DELAY_SECONDS, "30")));
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("queue delay"));
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("no delay").delaySeconds(0));
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(300))
                .messages()).extracting(Message::body).containsExactly("no delay");
        s.advanceSeconds(30);
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(url)).messages()).extracting(Message::body)
                .containsExactly("queue delay");
    }

    @Test
    void bodies_with_characters_outside_xmls_set_fail_with_invalid_message_contents() {
        assertThatThrownBy(() -> s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("bad \u0001 char")))
                .isInstanceOf(InvalidMessageContentsException.class).hasMessageContaining("#x1");
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("tab\tnewline\nunicode é 🌍"));
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(url)).messages().get(0).body())
                .isEqualTo("tab\tnewline\nunicode é 🌍");
    }

    @Test
    void a_message_larger_than_maximum_message_size_is_rejected() {
        s.sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.MAXIMUM_MESSAGE_SIZE,
                "1024")));
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x".repeat(1024)));
        assertThatThrownBy(() -> s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x".repeat(1020))
                .messageAttributes(Map.of("k", text("String", "v")))))
                .isInstanceOf(SqsException.class).hasMessageContaining("Message must be shorter than 1024 bytes");
    }

    @Test
    void a_one_mebibyte_message_is_accepted_by_default() {
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x".repeat(1_048_576)));
        assertThatThrownBy(() -> s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x".repeat(1_048_577))))
                .isInstanceOf(SqsException.class).hasMessageContaining("shorter than 1048576 bytes");
    }

    @Test
    void invalid_message_attributes_are_rejected() {
        assertRejected(Map.of("AWS.reserved", text("String", "v")), "is invalid");
        assertRejected(Map.of(".lead", text("String", "v")), "is invalid");
        assertRejected(Map.of("k", text("Text", "v")), "supported type prefixes");
        assertRejected(Map.of("k", text("String", "")), "non-empty message attribute value");
        assertRejected(Map.of("k", text("Number", "twelve")), "to number");
        Map<String, MessageAttributeValue> eleven = new java.util.HashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("k" + i, text("String", "v"));
        }
        assertRejected(eleven, "Number of message attributes [11] exceeds the allowed maximum [10].");
    }

    private void assertRejected(Map<String, MessageAttributeValue> attributes, String message) {
        assertThatThrownBy(() -> s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x")
                .messageAttributes(attributes))).isInstanceOf(SqsException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((SqsException) e).awsErrorDetails().errorCode())
                        .isEqualTo("InvalidParameterValue"));
    }

    @Test
    void receive_parameters_outside_their_ranges_are_rejected() {
        assertThatThrownBy(() -> s.sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(11)))
                .hasMessageContaining("MaxNumberOfMessages");
        assertThatThrownBy(() -> s.sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(0)))
                .hasMessageContaining("MaxNumberOfMessages");
        assertThatThrownBy(() -> s.sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(21)))
                .hasMessageContaining("WaitTimeSeconds");
        assertThatThrownBy(() -> s.sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(43201)))
                .hasMessageContaining("VisibilityTimeout");
    }

    @Test
    void the_ledger_records_sends_and_deliveries_with_the_consumer() {
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x"));
        s.sqs.receiveMessage(b -> b.queueUrl(url));
        assertThat(s.events(MessageEvent.SENT)).singleElement().satisfies(e -> {
            assertThat(e.queue()).isEqualTo(ResourceRef.queue("us-east-1", "000000000000", "orders"));
            assertThat(e.queue().arn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:orders");
        });
        assertThat(s.events(MessageEvent.DELIVERED)).singleElement().satisfies(e -> {
            assertThat(e.receiveCount()).isEqualTo(1);
            assertThat(e.consumer()).isEqualTo("test");
        });
    }
}
