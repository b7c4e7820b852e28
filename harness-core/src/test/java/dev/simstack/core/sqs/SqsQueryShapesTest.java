package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import dev.simstack.core.internal.protocol.HttpExchange;
import dev.simstack.core.internal.protocol.ProtocolCodec;
import dev.simstack.core.internal.protocol.query.AwsQueryCodec;
import dev.simstack.core.internal.services.sqs.SqsQueryShapes;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SQS's Query protocol spelling of lists and maps, read and written through the engine's Query codec. */
class SqsQueryShapesTest {

    private static final ServiceDescriptor SQS = new ServiceDescriptor("sqs", "AmazonSQS", "1.0", "com.amazonaws.sqs",
            true, false, SqsQueryShapes.SHAPES);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AwsQueryCodec codec = new AwsQueryCodec();

    @Test
    void create_queue_attributes_and_tags_read_as_maps() throws Exception {
        JsonNode input = decode("Action=CreateQueue&QueueName=q&Attribute.1.Name=VisibilityTimeout"
                + "&Attribute.1.Value=60&Attribute.2.Name=DelaySeconds&Attribute.2.Value=5&Tag.1.Key=team&Tag.1.Value=a");
        assertThat(input).isEqualTo(JSON.readTree("{\"QueueName\":\"q\",\"Attributes\":{\"VisibilityTimeout\":\"60\","
                + "\"DelaySeconds\":\"5\"},\"tags\":{\"team\":\"a\"}}"));
    }

    @Test
    void batch_entries_with_message_attributes_read_as_a_list_of_structures() throws Exception {
        JsonNode input = decode("Action=SendMessageBatch&QueueUrl=u&SendMessageBatchRequestEntry.1.Id=a"
                + "&SendMessageBatchRequestEntry.1.MessageBody=one"
                + "&SendMessageBatchRequestEntry.1.MessageAttribute.1.Name=k"
                + "&SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.StringValue=v"
                + "&SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.DataType=String"
                + "&SendMessageBatchRequestEntry.2.Id=b&SendMessageBatchRequestEntry.2.MessageBody=two");
        assertThat(input).isEqualTo(JSON.readTree("{\"QueueUrl\":\"u\",\"Entries\":[{\"Id\":\"a\",\"MessageBody\":"
                + "\"one\",\"MessageAttributes\":{\"k\":{\"StringValue\":\"v\",\"DataType\":\"String\"}}},"
                + "{\"Id\":\"b\",\"MessageBody\":\"two\"}]}"));
    }

    @Test
    void receive_lists_read_from_flattened_names() throws Exception {
        JsonNode input = decode("Action=ReceiveMessage&QueueUrl=u&AttributeName.1=All&MessageAttributeName.1=a.*"
                + "&MaxNumberOfMessages=10");
        assertThat(input.get("AttributeNames")).isEqualTo(JSON.readTree("[\"All\"]"));
        assertThat(input.get("MessageAttributeNames")).isEqualTo(JSON.readTree("[\"a.*\"]"));
    }

    @Test
    void untag_and_tag_queue_accept_both_spellings() throws Exception {
        assertThat(decode("Action=UntagQueue&QueueUrl=u&TagKey.1=a&TagKey.2=b").get("TagKeys"))
                .isEqualTo(JSON.readTree("[\"a\",\"b\"]"));
        assertThat(decode("Action=TagQueue&QueueUrl=u&Tags.1.Key=a&Tags.1.Value=b").get("Tags"))
                .isEqualTo(JSON.readTree("{\"a\":\"b\"}"));
        assertThat(decode("Action=TagQueue&QueueUrl=u&Tag.1.Key=a&Tag.1.Value=b").get("Tags"))
                .isEqualTo(JSON.readTree("{\"a\":\"b\"}"));
    }

    @Test
    void received_messages_write_as_flattened_message_attribute_elements() throws Exception {
        JsonNode output = JSON.readTree("{\"Messages\":[{\"MessageId\":\"m\",\"Body\":\"b\",\"Attributes\":"
                + "{\"SenderId\":\"s\"},\"MessageAttributes\":{\"k\":{\"StringValue\":\"v\",\"DataType\":\"String\"}}}]}");
        String xml = encode("ReceiveMessage", output);
        assertThat(xml).contains("<ReceiveMessageResult><Message><MessageId>m</MessageId><Body>b</Body>"
                + "<Attribute><Name>SenderId</Name><Value>s</Value></Attribute><MessageAttribute><Name>k</Name>"
                + "<Value><StringValue>v</StringValue><DataType>String</DataType></Value></MessageAttribute>"
                + "</Message></ReceiveMessageResult>");
    }

    @Test
    void batch_results_write_one_element_per_entry_named_for_the_operation() throws Exception {
        JsonNode output = JSON.readTree("{\"Successful\":[{\"Id\":\"a\"}],\"Failed\":[{\"Id\":\"b\","
                + "\"SenderFault\":true,\"Code\":\"ReceiptHandleIsInvalid\",\"Message\":\"m\"}]}");
        assertThat(encode("DeleteMessageBatch", output)).contains("<DeleteMessageBatchResultEntry><Id>a</Id>"
                + "</DeleteMessageBatchResultEntry><BatchResultErrorEntry><Id>b</Id><SenderFault>true</SenderFault>");
        assertThat(encode("ChangeMessageVisibilityBatch", output))
                .contains("<ChangeMessageVisibilityBatchResultEntry><Id>a</Id>");
        assertThat(encode("SendMessageBatch", output)).contains("<SendMessageBatchResultEntry><Id>a</Id>");
    }

    @Test
    void queue_lists_and_tags_write_flattened() throws Exception {
        assertThat(encode("ListQueues", JSON.readTree("{\"QueueUrls\":[\"u1\",\"u2\"]}")))
                .contains("<ListQueuesResult><QueueUrl>u1</QueueUrl><QueueUrl>u2</QueueUrl></ListQueuesResult>");
        assertThat(encode("ListDeadLetterSourceQueues", JSON.readTree("{\"queueUrls\":[\"u1\"]}")))
                .contains("<QueueUrl>u1</QueueUrl>");
        assertThat(encode("ListQueueTags", JSON.readTree("{\"Tags\":{\"k\":\"v\"}}")))
                .contains("<Tag><Key>k</Key><Value>v</Value></Tag>");
        assertThat(encode("GetQueueAttributes", JSON.readTree("{\"Attributes\":{\"VisibilityTimeout\":\"30\"}}")))
                .contains("<Attribute><Name>VisibilityTimeout</Name><Value>30</Value></Attribute>");
    }

    private JsonNode decode(String form) {
        HttpExchange exchange = new HttpExchange("POST", "/", Map.of(), new DefaultHttpHeaders()
                .add("Content-Type", "application/x-www-form-urlencoded"), form.getBytes(StandardCharsets.UTF_8));
        ProtocolCodec.Decoded decoded = codec.decode(exchange, SQS);
        return decoded.input();
    }

    private String encode(String operation, JsonNode output) {
        return new String(codec.success(SQS, operation, "rid", output).body(), StandardCharsets.UTF_8);
    }
}
