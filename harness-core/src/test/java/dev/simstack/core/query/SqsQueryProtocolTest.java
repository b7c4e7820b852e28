package dev.simstack.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * SQS over the AWS Query protocol, as AWS CLI 2.9 and boto3 1.26 speak it: form-encoded POSTs signed with SigV4
 * (the signature is not checked, the credential scope is read), answered with the XML that botocore's
 * {@code sqs/2012-11-05} model describes: flattened lists ({@code <Message>}, {@code <QueueUrl>}), flattened
 * maps ({@code <Attribute><Name/><Value/></Attribute>}, {@code <MessageAttribute><Name/><Value>..</Value>}),
 * and {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>} errors.
 */
class SqsQueryProtocolTest {

    private static final String NS = "http://queue.amazonaws.com/doc/2012-11-05/";
    private static final String BINARY_B64 = Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 0xFF, 10});

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Stack stack;

    @BeforeEach
    void start() {
        stack = StackConfig.defaults().withSeed(9).start();
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    // ---- the conversation ----------------------------------------------------------------------------------

    @Test
    void create_queue_applies_indexed_attributes_and_tags() throws Exception {
        Element result = ok("CreateQueue", call("us-east-1", "CreateQueue", "QueueName", "orders",
                "Attribute.1.Name", "VisibilityTimeout", "Attribute.1.Value", "45",
                "Attribute.2.Name", "DelaySeconds", "Attribute.2.Value", "2",
                "Tag.1.Key", "team", "Tag.1.Value", "core", "Tag.2.Key", "cost-center", "Tag.2.Value", "42"));
        String url = text(result, "QueueUrl");
        assertThat(url).startsWith("http://").endsWith("/000000000000/orders");

        Map<String, String> attributes = attributeMap(ok("GetQueueAttributes", call("us-east-1", "GetQueueAttributes",
                "QueueUrl", url, "AttributeName.1", "VisibilityTimeout", "AttributeName.2", "DelaySeconds")), "Attribute");
        assertThat(attributes).containsExactlyInAnyOrderEntriesOf(Map.of("VisibilityTimeout", "45", "DelaySeconds", "2"));

        Element tags = ok("ListQueueTags", call("us-east-1", "ListQueueTags", "QueueUrl", url));
        assertThat(pairs(tags, "Tag", "Key", "Value")).containsExactlyInAnyOrderEntriesOf(
                Map.of("team", "core", "cost-center", "42"));
    }

    @Test
    void get_queue_url_answers_the_url_create_queue_answered() throws Exception {
        String url = createQueue("us-east-1", "lookup");
        Element result = ok("GetQueueUrl", call("us-east-1", "GetQueueUrl", "QueueName", "lookup"));
        assertThat(text(result, "QueueUrl")).isEqualTo(url);
    }

    @Test
    void list_queues_answers_flattened_queue_url_elements_filtered_by_prefix() throws Exception {
        String a = createQueue("us-east-1", "app-a");
        String b = createQueue("us-east-1", "app-b");
        createQueue("us-east-1", "other");

        Element result = ok("ListQueues", call("us-east-1", "ListQueues", "QueueNamePrefix", "app-"));
        assertThat(childNames(result)).containsOnly("QueueUrl");
        assertThat(texts(result, "QueueUrl")).containsExactlyInAnyOrder(a, b);

        Element all = ok("ListQueues", call("us-east-1", "ListQueues"));
        assertThat(texts(all, "QueueUrl")).hasSize(3);
    }

    @Test
    void an_empty_list_queues_answer_still_has_its_result_element() throws Exception {
        // AWS answers <ListQueuesResponse><ListQueuesResult/><ResponseMetadata>..., as for every operation
        // whose output has a result wrapper, even when there is nothing in it; botocore 1.29 (boto3 1.26,
        // AWS CLI 2.9) fails with KeyError 'ListQueuesResult' when the element is missing.
        Element result = ok("ListQueues", call("us-east-1", "ListQueues", "QueueNamePrefix", "none-"));
        assertThat(childNames(result)).isEmpty();
    }

    @Test
    void send_message_answers_the_md5_of_the_body_and_of_string_number_and_binary_attributes() throws Exception {
        String url = createQueue("us-east-1", "digests");
        String body = "héllo <world> & \"friends\"";
        Element result = ok("SendMessage", call("us-east-1", "SendMessage", "QueueUrl", url, "MessageBody", body,
                "MessageAttribute.1.Name", "colour", "MessageAttribute.1.Value.DataType", "String",
                "MessageAttribute.1.Value.StringValue", "blue",
                "MessageAttribute.2.Name", "count", "MessageAttribute.2.Value.DataType", "Number",
                "MessageAttribute.2.Value.StringValue", "42",
                "MessageAttribute.3.Name", "blob", "MessageAttribute.3.Value.DataType", "Binary",
                "MessageAttribute.3.Value.BinaryValue", BINARY_B64));

        assertThat(text(result, "MessageId")).isNotBlank();
        assertThat(text(result, "MD5OfMessageBody")).isEqualTo(md5Hex(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(text(result, "MD5OfMessageAttributes")).isEqualTo(md5OfAttributes(sampleAttributes()));
    }

    @Test
    void send_message_batch_answers_a_flattened_result_entry_per_entry_id() throws Exception {
        String url = createQueue("us-east-1", "batch");
        Element result = ok("SendMessageBatch", call("us-east-1", "SendMessageBatch", "QueueUrl", url,
                "SendMessageBatchRequestEntry.1.Id", "first", "SendMessageBatchRequestEntry.1.MessageBody", "one",
                "SendMessageBatchRequestEntry.2.Id", "second", "SendMessageBatchRequestEntry.2.MessageBody", "two",
                "SendMessageBatchRequestEntry.2.MessageAttribute.1.Name", "colour",
                "SendMessageBatchRequestEntry.2.MessageAttribute.1.Value.DataType", "String",
                "SendMessageBatchRequestEntry.2.MessageAttribute.1.Value.StringValue", "blue"));

        assertThat(childNames(result)).containsOnly("SendMessageBatchResultEntry");
        Map<String, Element> entries = children(result, "SendMessageBatchResultEntry").stream()
                .collect(Collectors.toMap(e -> text(e, "Id"), e -> e));
        assertThat(entries).containsOnlyKeys("first", "second");
        assertThat(text(entries.get("first"), "MD5OfMessageBody")).isEqualTo(md5Hex("one".getBytes(StandardCharsets.UTF_8)));
        assertThat(text(entries.get("first"), "MessageId")).isNotBlank();
        assertThat(text(entries.get("second"), "MD5OfMessageAttributes"))
                .isEqualTo(md5OfAttributes(Map.of("colour", new Attr("String", "blue", null))));
    }

    @Test
    void receive_message_answers_messages_with_flattened_attributes_and_message_attributes() throws Exception {
        String url = createQueue("us-east-1", "shapes");
        String body = "line1\r\nline2 <&> ünïcödé";
        String messageId = text(ok("SendMessage", call("us-east-1", "SendMessage", "QueueUrl", url, "MessageBody", body,
                "MessageAttribute.1.Name", "colour", "MessageAttribute.1.Value.DataType", "String",
                "MessageAttribute.1.Value.StringValue", "blue",
                "MessageAttribute.2.Name", "count", "MessageAttribute.2.Value.DataType", "Number",
                "MessageAttribute.2.Value.StringValue", "42",
                "MessageAttribute.3.Name", "blob", "MessageAttribute.3.Value.DataType", "Binary",
                "MessageAttribute.3.Value.BinaryValue", BINARY_B64)), "MessageId");

        Element result = ok("ReceiveMessage", call("us-east-1", "ReceiveMessage", "QueueUrl", url,
                "AttributeName.1", "All", "MessageAttributeName.1", "All", "MaxNumberOfMessages", "10"));
        assertThat(childNames(result)).as("ReceiveMessageResult holds flattened <Message> elements only")
                .containsOnly("Message");
        List<Element> messages = children(result, "Message");
        assertThat(messages).hasSize(1);
        Element message = messages.get(0);

        assertThat(childNames(message)).containsOnly("MessageId", "ReceiptHandle", "MD5OfBody", "Body", "Attribute",
                "MD5OfMessageAttributes", "MessageAttribute");
        assertThat(text(message, "MessageId")).isEqualTo(messageId);
        assertThat(text(message, "ReceiptHandle")).isNotBlank();
        assertThat(text(message, "Body")).as("body, carriage return included").isEqualTo(body);
        assertThat(text(message, "MD5OfBody")).isEqualTo(md5Hex(body.getBytes(StandardCharsets.UTF_8)));

        Map<String, String> system = attributeMap(message, "Attribute");
        assertThat(system).containsKeys("SenderId", "SentTimestamp", "ApproximateReceiveCount",
                "ApproximateFirstReceiveTimestamp");
        assertThat(system.get("ApproximateReceiveCount")).isEqualTo("1");
        assertThat(system.get("SentTimestamp")).matches("\\d{13}");
        assertThat(system.get("SenderId")).isNotBlank();

        List<Element> attributes = children(message, "MessageAttribute");
        Map<String, Element> byName = attributes.stream().collect(Collectors.toMap(e -> text(e, "Name"),
                e -> children(e, "Value").get(0)));
        assertThat(byName).containsOnlyKeys("colour", "count", "blob");
        assertThat(childNames(byName.get("colour"))).containsExactlyInAnyOrder("StringValue", "DataType");
        assertThat(text(byName.get("colour"), "StringValue")).isEqualTo("blue");
        assertThat(text(byName.get("colour"), "DataType")).isEqualTo("String");
        assertThat(text(byName.get("count"), "StringValue")).isEqualTo("42");
        assertThat(text(byName.get("count"), "DataType")).isEqualTo("Number");
        assertThat(childNames(byName.get("blob"))).containsExactlyInAnyOrder("BinaryValue", "DataType");
        assertThat(Base64.getDecoder().decode(text(byName.get("blob"), "BinaryValue")))
                .isEqualTo(Base64.getDecoder().decode(BINARY_B64));
        assertThat(text(message, "MD5OfMessageAttributes")).isEqualTo(md5OfAttributes(sampleAttributes()));
    }

    @Test
    void receive_message_on_an_empty_queue_answers_an_empty_result_element() throws Exception {
        // AWS answers <ReceiveMessageResult/>; botocore 1.29 (boto3 1.26, AWS CLI 2.9) fails with
        // KeyError 'ReceiveMessageResult' when the element is missing.
        String url = createQueue("us-east-1", "empty");
        Element result = ok("ReceiveMessage", call("us-east-1", "ReceiveMessage", "QueueUrl", url));
        assertThat(childNames(result)).isEmpty();
    }

    @Test
    void delete_message_batch_answers_a_result_or_an_error_entry_per_id() throws Exception {
        String url = createQueue("us-east-1", "deletes");
        call("us-east-1", "SendMessage", "QueueUrl", url, "MessageBody", "a");
        call("us-east-1", "SendMessage", "QueueUrl", url, "MessageBody", "b");
        List<String> handles = new ArrayList<>();
        for (int i = 0; i < 10 && handles.size() < 2; i++) {
            Element result = ok("ReceiveMessage", call("us-east-1", "ReceiveMessage", "QueueUrl", url,
                    "MaxNumberOfMessages", "10"));
            children(result, "Message").forEach(m -> handles.add(text(m, "ReceiptHandle")));
        }
        assertThat(handles).hasSize(2);

        Element result = ok("DeleteMessageBatch", call("us-east-1", "DeleteMessageBatch", "QueueUrl", url,
                "DeleteMessageBatchRequestEntry.1.Id", "x", "DeleteMessageBatchRequestEntry.1.ReceiptHandle", handles.get(0),
                "DeleteMessageBatchRequestEntry.2.Id", "y", "DeleteMessageBatchRequestEntry.2.ReceiptHandle", handles.get(1),
                "DeleteMessageBatchRequestEntry.3.Id", "bad", "DeleteMessageBatchRequestEntry.3.ReceiptHandle", "garbage"));
        assertThat(childNames(result)).containsOnly("DeleteMessageBatchResultEntry", "BatchResultErrorEntry");
        assertThat(children(result, "DeleteMessageBatchResultEntry").stream().map(e -> text(e, "Id")))
                .containsExactlyInAnyOrder("x", "y");
        List<Element> errors = children(result, "BatchResultErrorEntry");
        assertThat(errors).hasSize(1);
        assertThat(text(errors.get(0), "Id")).isEqualTo("bad");
        assertThat(text(errors.get(0), "SenderFault")).isEqualTo("true");
        assertThat(text(errors.get(0), "Code")).isEqualTo("ReceiptHandleIsInvalid");
        assertThat(text(errors.get(0), "Message")).isNotBlank();

        Map<String, String> attributes = attributeMap(ok("GetQueueAttributes", call("us-east-1", "GetQueueAttributes",
                "QueueUrl", url, "AttributeName.1", "ApproximateNumberOfMessages",
                "AttributeName.2", "ApproximateNumberOfMessagesNotVisible")), "Attribute");
        assertThat(attributes).containsEntry("ApproximateNumberOfMessages", "0")
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
    }

    @Test
    void get_queue_attributes_all_answers_every_attribute_as_a_flattened_name_value_pair() throws Exception {
        String url = createQueue("us-east-1", "described");
        Element result = ok("GetQueueAttributes", call("us-east-1", "GetQueueAttributes", "QueueUrl", url,
                "AttributeName.1", "All"));
        assertThat(childNames(result)).containsOnly("Attribute");
        Map<String, String> attributes = attributeMap(result, "Attribute");
        assertThat(attributes).containsEntry("QueueArn", "arn:aws:sqs:us-east-1:000000000000:described")
                .containsEntry("VisibilityTimeout", "30")
                // 1 MiB since August 2025 (it was 256 KiB before, as older botocore models still say).
                .containsEntry("MaximumMessageSize", "1048576")
                .containsEntry("MessageRetentionPeriod", "345600")
                .containsEntry("DelaySeconds", "0")
                .containsEntry("ReceiveMessageWaitTimeSeconds", "0")
                .containsEntry("ApproximateNumberOfMessages", "0")
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "0")
                .containsEntry("ApproximateNumberOfMessagesDelayed", "0")
                .containsKeys("CreatedTimestamp", "LastModifiedTimestamp");
    }

    @Test
    void query_parameters_in_the_url_of_a_get_work_like_a_form_body() throws Exception {
        String url = createQueue("us-east-1", "by-get");
        String query = form(List.of("Action", "GetQueueUrl", "Version", "2012-11-05", "QueueName", "by-get"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.endpoint().resolve("/?" + query))
                .timeout(Duration.ofSeconds(10)).header("Authorization", authorization("us-east-1")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(text(ok("GetQueueUrl", response), "QueueUrl")).isEqualTo(url);
    }

    // ---- errors ----------------------------------------------------------------------------------------------

    @Test
    void an_unknown_queue_name_gets_a_sender_error_with_the_non_existent_queue_code() throws Exception {
        Element error = error(call("us-east-1", "GetQueueUrl", "QueueName", "nope"), 400);
        assertThat(text(error, "Type")).isEqualTo("Sender");
        assertThat(text(error, "Code")).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
        assertThat(text(error, "Message")).isNotBlank();
    }

    @Test
    void a_send_to_an_unknown_queue_url_gets_the_non_existent_queue_code() throws Exception {
        String url = stack.endpoint() + "/000000000000/missing";
        Element error = error(call("us-east-1", "SendMessage", "QueueUrl", url, "MessageBody", "x"), 400);
        assertThat(text(error, "Code")).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
    }

    @Test
    void a_missing_required_parameter_gets_missing_parameter() throws Exception {
        String url = createQueue("us-east-1", "strict");
        Element error = error(call("us-east-1", "SendMessage", "QueueUrl", url), 400);
        assertThat(text(error, "Type")).isEqualTo("Sender");
        assertThat(text(error, "Code")).isEqualTo("MissingParameter");
        assertThat(text(error, "Message")).contains("MessageBody");
    }

    @Test
    void batch_request_errors_carry_the_query_code_and_message() throws Exception {
        String url = createQueue("us-east-1", "batches");
        Element empty = error(call("us-east-1", "SendMessageBatch", "QueueUrl", url), 400);
        assertThat(text(empty, "Code")).isEqualTo("AWS.SimpleQueueService.EmptyBatchRequest");
        assertThat(text(empty, "Message")).isEqualTo("There should be at least one SendMessageBatchRequestEntry in "
                + "the request.");
        Element repeated = error(call("us-east-1", "DeleteMessageBatch", "QueueUrl", url,
                "DeleteMessageBatchRequestEntry.1.Id", "x", "DeleteMessageBatchRequestEntry.1.ReceiptHandle", "h",
                "DeleteMessageBatchRequestEntry.2.Id", "x", "DeleteMessageBatchRequestEntry.2.ReceiptHandle", "h"), 400);
        assertThat(text(repeated, "Code")).isEqualTo("AWS.SimpleQueueService.BatchEntryIdsNotDistinct");
        assertThat(text(repeated, "Message")).isEqualTo("Id x repeated.");
    }

    @Test
    void an_unknown_action_gets_invalid_action() throws Exception {
        Element error = error(call("us-east-1", "FlyToTheMoon"), 400);
        assertThat(text(error, "Code")).isEqualTo("InvalidAction");
    }

    @Test
    void duplicate_batch_entry_ids_get_batch_entry_ids_not_distinct() throws Exception {
        String url = createQueue("us-east-1", "dupes");
        Element error = error(call("us-east-1", "SendMessageBatch", "QueueUrl", url,
                "SendMessageBatchRequestEntry.1.Id", "same", "SendMessageBatchRequestEntry.1.MessageBody", "a",
                "SendMessageBatchRequestEntry.2.Id", "same", "SendMessageBatchRequestEntry.2.MessageBody", "b"), 400);
        assertThat(text(error, "Code")).isEqualTo("AWS.SimpleQueueService.BatchEntryIdsNotDistinct");
    }

    @Test
    void an_invalid_attribute_value_gets_invalid_attribute_value() throws Exception {
        Element error = error(call("us-east-1", "CreateQueue", "QueueName", "bad-attrs",
                "Attribute.1.Name", "VisibilityTimeout", "Attribute.1.Value", "99999"), 400);
        assertThat(text(error, "Type")).isEqualTo("Sender");
        assertThat(text(error, "Code")).isEqualTo("InvalidAttributeValue");
    }

    // ---- regions ---------------------------------------------------------------------------------------------

    @Test
    void the_region_is_the_one_in_the_credential_scope() throws Exception {
        String url = createQueue("eu-west-1", "regional");
        assertThat(url).endsWith("/000000000000/regional");

        Element elsewhere = error(call("us-east-1", "GetQueueUrl", "QueueName", "regional"), 400);
        assertThat(text(elsewhere, "Code")).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
        assertThat(xml(call("us-east-1", "ListQueues"), 200).getElementsByTagNameNS(NS, "QueueUrl").getLength())
                .as("queue URLs listed in us-east-1").isZero();

        assertThat(text(ok("GetQueueUrl", call("eu-west-1", "GetQueueUrl", "QueueName", "regional")), "QueueUrl"))
                .isEqualTo(url);
        Map<String, String> attributes = attributeMap(ok("GetQueueAttributes", call("eu-west-1", "GetQueueAttributes",
                "QueueUrl", url, "AttributeName.1", "QueueArn")), "Attribute");
        assertThat(attributes).containsEntry("QueueArn", "arn:aws:sqs:eu-west-1:000000000000:regional");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private String createQueue(String region, String name) throws Exception {
        return text(ok("CreateQueue", call(region, "CreateQueue", "QueueName", name)), "QueueUrl");
    }

    /** POSTs a Query request as botocore does: form body with Action and Version, SigV4 Authorization. */
    private HttpResponse<String> call(String region, String action, String... params) throws Exception {
        List<String> all = new ArrayList<>(List.of("Action", action, "Version", "2012-11-05"));
        all.addAll(List.of(params));
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.endpoint() + "/"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("X-Amz-Date", "20260101T000000Z")
                .header("Authorization", authorization(region))
                .POST(HttpRequest.BodyPublishers.ofString(form(all)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String authorization(String region) {
        return "AWS4-HMAC-SHA256 Credential=AKID/20260101/" + region + "/sqs/aws4_request, SignedHeaders=host,"
                + " Signature=0";
    }

    private static String form(List<String> pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.size(); i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return body.toString();
    }

    /** The {@code <ActionResult>} of a 200 answer, after checking the envelope AWS sends around it. */
    private static Element ok(String action, HttpResponse<String> response) throws Exception {
        Document document = xml(response, 200);
        Element root = document.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo(action + "Response");
        assertThat(root.getNamespaceURI()).isEqualTo(NS);
        List<Element> metadata = children(root, "ResponseMetadata");
        assertThat(metadata).as("<ResponseMetadata> of %s", action).hasSize(1);
        assertThat(text(metadata.get(0), "RequestId")).isNotBlank();
        List<Element> results = children(root, action + "Result");
        assertThat(results).as("<%sResult> in %s", action, response.body()).hasSize(1);
        return results.get(0);
    }

    /** The {@code <Error>} of an error answer, after checking the envelope and the status. */
    private static Element error(HttpResponse<String> response, int status) throws Exception {
        Document document = xml(response, status);
        Element root = document.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("ErrorResponse");
        assertThat(text(root, "RequestId")).isNotBlank();
        List<Element> errors = children(root, "Error");
        assertThat(errors).hasSize(1);
        Element error = errors.get(0);
        assertThat(text(error, "Type")).isIn("Sender", "Receiver");
        assertThat(text(error, "Code")).isNotBlank();
        assertThat(children(error, "Message")).hasSize(1);
        return error;
    }

    private static Document xml(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as("status of an answer with body %s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                names.add(element.getLocalName());
            }
        }
        return names;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("one <%s> in <%s>", name, parent.getLocalName()).hasSize(1);
        return found.get(0).getTextContent();
    }

    private static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(Element::getTextContent).collect(Collectors.toList());
    }

    /** A flattened map such as {@code <Attribute><Name>n</Name><Value>v</Value></Attribute>...}. */
    private static Map<String, String> attributeMap(Element parent, String entry) {
        return pairs(parent, entry, "Name", "Value");
    }

    private static Map<String, String> pairs(Element parent, String entry, String key, String value) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Element element : children(parent, entry)) {
            assertThat(childNames(element)).as("children of <%s>", entry).containsExactly(key, value);
            map.put(text(element, key), text(element, value));
        }
        return map;
    }

    // ---- SQS digests, computed as AWS documents them ---------------------------------------------------------

    record Attr(String dataType, String stringValue, byte[] binaryValue) {
    }

    private static Map<String, Attr> sampleAttributes() {
        return Map.of("colour", new Attr("String", "blue", null), "count", new Attr("Number", "42", null),
                "blob", new Attr("Binary", null, Base64.getDecoder().decode(BINARY_B64)));
    }

    private static String md5Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    /**
     * MD5OfMessageAttributes: for each attribute in name order, the length-prefixed name and data type, a
     * transport byte (1 string, 2 binary) and the length-prefixed value (lengths are 4-byte big-endian).
     */
    static String md5OfAttributes(Map<String, Attr> attributes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, Attr> entry : new TreeMap<>(attributes).entrySet()) {
            Attr attr = entry.getValue();
            lengthPrefixed(out, entry.getKey().getBytes(StandardCharsets.UTF_8));
            lengthPrefixed(out, attr.dataType().getBytes(StandardCharsets.UTF_8));
            if (attr.stringValue() != null) {
                out.write(1);
                lengthPrefixed(out, attr.stringValue().getBytes(StandardCharsets.UTF_8));
            } else {
                out.write(2);
                lengthPrefixed(out, attr.binaryValue());
            }
        }
        return md5Hex(out.toByteArray());
    }

    private static void lengthPrefixed(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
