package dev.simstack.core.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The SQS event an event source mapping hands its function, written once from the messages SQS handed
 * out: each record must say what a client's ReceiveMessage of the same message says, under the field names
 * and casing AWS uses ("Using Lambda with Amazon SQS", sample event).
 */
class SqsEventPathTest {

    private static final byte[] BINARY = {0, 1, (byte) 0x80, (byte) 0xff, '"', '\\'};
    private static final Map<String, MessageAttributeValue> ATTRIBUTES = Map.of(
            "greeting", MessageAttributeValue.builder().dataType("String").stringValue("Grüße ✓").build(),
            "amount", MessageAttributeValue.builder().dataType("Number.cents").stringValue("42.50").build(),
            "blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromByteArray(BINARY))
                    .build());

    private Stack stack;
    private SqsClient sqs;
    private LambdaClient lambda;

    @BeforeEach
    void start() {
        PortHandlers.clear();
        stack = StackConfig.defaults().withSeed(7)
                .withQueue(QueueSpec.named("wire"))
                .withQueue(QueueSpec.named("raw-in"))
                .withQueue(QueueSpec.named("typed-in"))
                .withFunction(FunctionSpec.named("raw", PortHandlers.RawEcho.class))
                .withFunction(FunctionSpec.named("typed", PortHandlers.TypedSqs.class))
                .start();
        sqs = PortsSupport.sqs(stack);
        lambda = PortsSupport.lambda(stack);
    }

    @AfterEach
    void stop() {
        lambda.close();
        sqs.close();
        stack.close();
    }

    @Test
    void each_record_says_what_a_wire_receive_of_the_same_message_says_under_aws_field_names() throws Exception {
        send("wire", "first ✓");
        send("raw-in", "first ✓");
        Message wire = sqs.receiveMessage(b -> b.queueUrl(PortsSupport.url(sqs, "wire"))
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All"))
                .messages().get(0);

        map("raw-in", "raw");
        await().atMost(Duration.ofSeconds(10)).until(() -> !PortHandlers.raw("raw").isEmpty());

        JsonNode event = new ObjectMapper().readTree(PortHandlers.raw("raw").peek());
        assertThat(names(event)).containsExactly("Records");
        JsonNode record = event.get("Records").get(0);
        assertThat(names(record)).containsExactly("messageId", "receiptHandle", "body", "attributes",
                "messageAttributes", "md5OfBody", "md5OfMessageAttributes", "eventSource", "eventSourceARN",
                "awsRegion");
        assertThat(record.get("body").asText()).isEqualTo(wire.body());
        assertThat(record.get("md5OfBody").asText()).isEqualTo(wire.md5OfBody());
        assertThat(record.get("md5OfMessageAttributes").asText()).isEqualTo(wire.md5OfMessageAttributes());
        assertThat(record.get("eventSource").asText()).isEqualTo("aws:sqs");
        assertThat(record.get("eventSourceARN").asText()).isEqualTo(PortsSupport.queue(stack, "raw-in").arn());
        assertThat(record.get("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(names(record.get("attributes"))).containsExactly("SenderId", "SentTimestamp",
                "ApproximateReceiveCount", "ApproximateFirstReceiveTimestamp");
        assertThat(record.at("/attributes/SenderId").asText())
                .isEqualTo(wire.attributes().get(MessageSystemAttributeName.SENDER_ID));
        assertThat(record.at("/attributes/ApproximateReceiveCount").asText()).isEqualTo("1");
        JsonNode attributes = record.get("messageAttributes");
        assertThat(names(attributes)).containsExactly("amount", "blob", "greeting");
        assertThat(attributes.get("greeting").toString()).isEqualTo("{\"stringValue\":\"Grüße ✓\","
                + "\"stringListValues\":[],\"binaryListValues\":[],\"dataType\":\"String\"}");
        assertThat(attributes.get("amount").toString()).isEqualTo("{\"stringValue\":\"42.50\","
                + "\"stringListValues\":[],\"binaryListValues\":[],\"dataType\":\"Number.cents\"}");
        assertThat(attributes.get("blob").toString()).isEqualTo("{\"binaryValue\":\""
                + Base64.getEncoder().encodeToString(BINARY)
                + "\",\"stringListValues\":[],\"binaryListValues\":[],\"dataType\":\"Binary\"}");
        assertThat(wire.messageAttributes().get("blob").binaryValue().asByteArray()).isEqualTo(BINARY);
    }

    @Test
    void a_typed_handler_reads_a_batch_as_the_runtime_would_and_the_ledger_names_the_poller() {
        for (int i = 0; i < 3; i++) {
            send("typed-in", "order-" + i);
        }
        map("typed-in", "typed");
        await().atMost(Duration.ofSeconds(10)).until(() -> PortHandlers.sqsEvents("typed").stream()
                .mapToInt(event -> event.getRecords().size()).sum() == 3);

        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        PortHandlers.sqsEvents("typed").forEach(event -> records.addAll(event.getRecords()));
        assertThat(records).extracting(SQSEvent.SQSMessage::getBody)
                .containsExactlyInAnyOrder("order-0", "order-1", "order-2");
        assertThat(records).allSatisfy(record -> {
            assertThat(record.getEventSourceArn()).isEqualTo(PortsSupport.queue(stack, "typed-in").arn());
            assertThat(record.getAwsRegion()).isEqualTo("us-east-1");
            assertThat(record.getEventSource()).isEqualTo("aws:sqs");
            assertThat(record.getMd5OfBody()).hasSize(32);
            assertThat(record.getAttributes()).containsEntry("SenderId", PortsSupport.ACCESS_KEY)
                    .containsEntry("ApproximateReceiveCount", "1");
            assertThat(record.getMessageAttributes().get("greeting").getStringValue()).isEqualTo("Grüße ✓");
            assertThat(record.getMessageAttributes().get("amount").getDataType()).isEqualTo("Number.cents");
            ByteBuffer blob = record.getMessageAttributes().get("blob").getBinaryValue();
            byte[] bytes = new byte[blob.remaining()];
            blob.get(bytes);
            assertThat(bytes).isEqualTo(BINARY);
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stack.ledger()
                .entries(LedgerEntry.Message.class)).filteredOn(m -> m.kind() == LedgerEntry.MessageEvent.DELETED)
                .hasSize(3).allSatisfy(m -> assertThat(m.consumer()).isEqualTo("lambda-event-source-mapping")));
        List<String> ids = records.stream().map(SQSEvent.SQSMessage::getMessageId).toList();
        assertThat(stack.ledger().entries(LedgerEntry.Invocation.class))
                .allSatisfy(run -> assertThat(run.trigger())
                        .isEqualTo("sqs:" + PortsSupport.queue(stack, "typed-in").arn()))
                .flatExtracting(LedgerEntry.Invocation::carried).containsExactlyInAnyOrderElementsOf(ids);
    }

    private void send(String queue, String body) {
        sqs.sendMessage(b -> b.queueUrl(PortsSupport.url(sqs, queue)).messageBody(body).messageAttributes(ATTRIBUTES));
    }

    private void map(String queue, String function) {
        lambda.createEventSourceMapping(b -> b.functionName(function)
                .eventSourceArn(PortsSupport.queue(stack, queue).arn()).batchSize(10));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
