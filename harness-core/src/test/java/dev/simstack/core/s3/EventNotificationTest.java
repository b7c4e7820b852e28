package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** S3 event notifications to SQS: the test event, filters, created and removed events in S3's shape. */
class EventNotificationTest {

    private final ObjectMapper json = new ObjectMapper();
    private Stack stack;
    private S3Client s3;
    private SqsClient sqs;
    private String queueUrl;

    @BeforeEach
    void start() {
        stack = StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(1)
                .withQueue(QueueSpec.named("uploads")).start();
        s3 = S3TestSupport.client(stack);
        sqs = SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(S3TestSupport.CREDENTIALS).build();
        queueUrl = stack.queue("uploads").url();
        s3.createBucket(b -> b.bucket("inbox"));
    }

    @AfterEach
    void stop() {
        sqs.close();
        s3.close();
        stack.close();
    }

    private void notifyQueue(String prefix, String suffix, Event... events) {
        s3.putBucketNotificationConfiguration(n -> n.bucket("inbox").notificationConfiguration(c -> c
                .queueConfigurations(QueueConfiguration.builder().id("to-queue").queueArn(stack.queue("uploads").arn())
                        .events(events).filter(f -> f.key(k -> k.filterRules(
                                r -> r.name(FilterRuleName.PREFIX).value(prefix),
                                r -> r.name(FilterRuleName.SUFFIX).value(suffix)))).build())));
    }

    private List<JsonNode> drain() throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        List<Message> messages;
        do {
            messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
            for (Message message : messages) {
                bodies.add(json.readTree(message.body()));
                sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        } while (!messages.isEmpty());
        return bodies;
    }

    @Test
    void putting_the_configuration_sends_a_test_event_and_it_reads_back() throws Exception {
        notifyQueue("incoming/", ".csv", Event.S3_OBJECT_CREATED);
        List<JsonNode> messages = drain();
        assertThat(messages).singleElement().satisfies(test -> {
            assertThat(test.get("Event").asText()).isEqualTo("s3:TestEvent");
            assertThat(test.get("Service").asText()).isEqualTo("Amazon S3");
            assertThat(test.get("Bucket").asText()).isEqualTo("inbox");
        });
        GetBucketNotificationConfigurationResponse configuration = s3.getBucketNotificationConfiguration(
                n -> n.bucket("inbox"));
        QueueConfiguration queue = configuration.queueConfigurations().get(0);
        assertThat(queue.id()).isEqualTo("to-queue");
        assertThat(queue.queueArn()).isEqualTo(stack.queue("uploads").arn());
        assertThat(queue.events()).containsExactly(Event.S3_OBJECT_CREATED);
        assertThat(queue.filter().key().filterRules()).hasSize(2);
    }

    @Test
    void an_object_created_event_has_s3s_record_shape() throws Exception {
        notifyQueue("incoming/", ".csv", Event.S3_OBJECT_CREATED);
        drain();
        String etag = s3.putObject(p -> p.bucket("inbox").key("incoming/q 1.csv"), S3TestSupport.text("a,b")).eTag();
        s3.putObject(p -> p.bucket("inbox").key("incoming/skip.txt"), S3TestSupport.text("x"));
        s3.putObject(p -> p.bucket("inbox").key("other/skip.csv"), S3TestSupport.text("x"));

        JsonNode record = drain().get(0).get("Records").get(0);
        assertThat(record.get("eventVersion").asText()).isEqualTo("2.1");
        assertThat(record.get("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(record.get("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(record.get("eventTime").asText()).isEqualTo("2026-01-01T00:00:00.000Z");
        assertThat(record.get("eventName").asText()).isEqualTo("ObjectCreated:Put");
        JsonNode s3Node = record.get("s3");
        assertThat(s3Node.get("configurationId").asText()).isEqualTo("to-queue");
        assertThat(s3Node.at("/bucket/name").asText()).isEqualTo("inbox");
        assertThat(s3Node.at("/bucket/arn").asText()).isEqualTo("arn:aws:s3:::inbox");
        assertThat(s3Node.at("/object/key").asText()).isEqualTo("incoming/q+1.csv");
        assertThat(s3Node.at("/object/size").asLong()).isEqualTo(3);
        assertThat(s3Node.at("/object/eTag").asText()).isEqualTo(etag.replace("\"", ""));
        assertThat(s3Node.at("/object/sequencer").asText()).isNotBlank();
        assertThat(drain()).isEmpty(); // the filtered-out keys sent nothing
    }

    @Test
    void copy_complete_and_removed_events_are_named_as_s3_names_them() throws Exception {
        notifyQueue("", "", Event.S3_OBJECT_CREATED, Event.S3_OBJECT_REMOVED);
        drain();
        s3.putObject(p -> p.bucket("inbox").key("a"), S3TestSupport.text("x"));
        s3.copyObject(c -> c.sourceBucket("inbox").sourceKey("a").destinationBucket("inbox").destinationKey("b"));
        String id = s3.createMultipartUpload(c -> c.bucket("inbox").key("c")).uploadId();
        String etag = s3.uploadPart(u -> u.bucket("inbox").key("c").uploadId(id).partNumber(1),
                S3TestSupport.text("part")).eTag();
        s3.completeMultipartUpload(c -> c.bucket("inbox").key("c").uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(etag).build())));
        s3.deleteObject(d -> d.bucket("inbox").key("a"));
        s3.putBucketVersioning(v -> v.bucket("inbox").versioningConfiguration(c -> c
                .status(BucketVersioningStatus.ENABLED)));
        s3.deleteObject(d -> d.bucket("inbox").key("b"));

        // A standard queue does not keep order; the sequencer says which write came first.
        List<JsonNode> records = new ArrayList<>(drain().stream().map(m -> m.at("/Records/0")).toList());
        records.sort(java.util.Comparator.comparing(r -> r.at("/s3/object/sequencer").asText()));
        assertThat(records).extracting(r -> r.get("eventName").asText()).containsExactly(
                "ObjectCreated:Put", "ObjectCreated:Copy", "ObjectCreated:CompleteMultipartUpload",
                "ObjectRemoved:Delete", "ObjectRemoved:DeleteMarkerCreated");
        assertThat(records.get(4).at("/s3/object/versionId").asText()).isNotBlank();
        assertThat(records.get(3).at("/s3/object").has("size")).isFalse();
    }

    @Test
    void a_browser_form_upload_raises_object_created_post() throws Exception {
        notifyQueue("", "", Event.S3_OBJECT_CREATED_POST);
        drain();
        String boundary = "b0undary";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nposted.txt\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhi\r\n--"
                + boundary + "--\r\n";
        RawHttp.send(stack.port(), "POST", "/inbox", java.util.Map.of("Content-Type",
                "multipart/form-data; boundary=" + boundary), form);
        s3.putObject(p -> p.bucket("inbox").key("put.txt"), S3TestSupport.text("not a post"));
        assertThat(drain()).extracting(m -> m.at("/Records/0/eventName").asText() + " " + m.at("/Records/0/s3/object/key")
                .asText()).containsExactly("ObjectCreated:Post posted.txt");
    }

    @Test
    void a_missing_queue_fails_the_configuration() {
        assertThatThrownBy(() -> s3.putBucketNotificationConfiguration(n -> n.bucket("inbox")
                .notificationConfiguration(c -> c.queueConfigurations(QueueConfiguration.builder()
                        .queueArn(ResourceRef.queue("us-east-1", stack.accountId(), "no-such-queue").arn())
                        .events(Event.S3_OBJECT_CREATED).build()))))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                    assertThat(e.getMessage()).contains("Unable to validate the following destination configurations");
                });
    }

    @Test
    void a_lifecycle_expiration_sends_a_lifecycle_event_not_an_object_removed_one() throws Exception {
        notifyQueue("", "", Event.S3_LIFECYCLE_EXPIRATION, Event.S3_OBJECT_REMOVED);
        drain();
        s3.putObject(p -> p.bucket("inbox").key("old.txt"), S3TestSupport.text("x"));
        s3.putBucketLifecycleConfiguration(l -> l.bucket("inbox").lifecycleConfiguration(c -> c.rules(r -> r.id("day")
                .status("Enabled").filter(f -> f.prefix("")).expiration(e -> e.days(1)))));
        stack.clock().advance(java.time.Duration.ofDays(3));
        assertThat(drain()).singleElement().satisfies(event -> {
            assertThat(event.at("/Records/0/eventName").asText()).isEqualTo("LifecycleExpiration:Delete");
            assertThat(event.at("/Records/0/s3/object/key").asText()).isEqualTo("old.txt");
        });
    }
}
