package dev.simstack.core.declarations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.simstack.core.BucketNotification;
import dev.simstack.core.BucketSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** A bucket declared in StackConfig exists in its region, versioned if asked, and notifies its targets. */
class DeclaredBucketTest {

    /** What the function saw; test-only shared state, cleared per test. */
    static final Queue<String> EVENTS = new ConcurrentLinkedQueue<>();

    /** Records each event it is invoked with. */
    public static final class Recorder implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            EVENTS.add(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @BeforeEach
    void clear() {
        EVENTS.clear();
    }

    @Test
    void a_bucket_is_created_in_its_region_with_versioning() {
        try (Stack stack = StackConfig.defaults().withRegions("us-east-1", "eu-west-1")
                .withBucket(BucketSpec.named("receipts").withVersioning())
                .withBucket(BucketSpec.named("archive").inRegion("eu-west-1"))
                .start();
             S3Client s3 = Clients.s3(stack, "us-east-1");
             S3Client europe = Clients.s3(stack, "eu-west-1")) {
            assertThat(s3.getBucketLocation(b -> b.bucket("receipts")).locationConstraintAsString()).isEmpty();
            assertThat(europe.getBucketLocation(b -> b.bucket("archive")).locationConstraintAsString())
                    .isEqualTo("eu-west-1");
            assertThat(s3.getBucketVersioning(b -> b.bucket("receipts")).status())
                    .isEqualTo(BucketVersioningStatus.ENABLED);
            assertThat(europe.getBucketVersioning(b -> b.bucket("archive")).status()).isNull();
        }
    }

    @Test
    void a_put_notifies_the_declared_queue_with_the_s3_event() {
        try (Stack stack = StackConfig.defaults()
                .withQueue(QueueSpec.named("uploads"))
                .withBucket(BucketSpec.named("receipts").notifyQueue("uploads", "s3:ObjectCreated:*"))
                .start();
             S3Client s3 = Clients.s3(stack, "us-east-1");
             SqsClient sqs = Clients.sqs(stack, "us-east-1")) {
            String url = sqs.getQueueUrl(b -> b.queueName("uploads")).queueUrl();
            s3.putObject(b -> b.bucket("receipts").key("r1.json"), Clients.text("{}"));

            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(5)).messages();
            assertThat(messages).singleElement().satisfies(m -> assertThat(m.body())
                    .contains("\"eventName\":\"ObjectCreated:Put\"").contains("\"key\":\"r1.json\""));
        }
    }

    @Test
    void a_put_invokes_the_declared_function_for_keys_that_match_the_filter() {
        try (Stack stack = StackConfig.defaults()
                .withFunction(FunctionSpec.named("thumbnailer", Recorder.class))
                .withBucket(BucketSpec.named("images").withNotification(
                        BucketNotification.toFunction("thumbnailer", "s3:ObjectCreated:*").withPrefix("in/")
                                .withSuffix(".png")))
                .start();
             S3Client s3 = Clients.s3(stack, "us-east-1")) {
            s3.putObject(b -> b.bucket("images").key("in/readme.txt"), Clients.text("skipped: suffix"));
            s3.putObject(b -> b.bucket("images").key("out/cat.png"), Clients.text("skipped: prefix"));
            s3.putObject(b -> b.bucket("images").key("in/cat.png"), Clients.text("png"));

            await().atMost(Duration.ofSeconds(10)).until(() -> !EVENTS.isEmpty());
            assertThat(EVENTS).singleElement().satisfies(event -> assertThat(event)
                    .contains("\"key\":\"in/cat.png\""));
        }
    }

    @Test
    void get_bucket_notification_configuration_answers_the_declared_targets() {
        try (Stack stack = StackConfig.defaults()
                .withQueue(QueueSpec.named("uploads"))
                .withBucket(BucketSpec.named("receipts").notifyQueue("uploads", "s3:ObjectCreated:*",
                        "s3:ObjectRemoved:Delete"))
                .start();
             S3Client s3 = Clients.s3(stack, "us-east-1")) {
            assertThat(s3.getBucketNotificationConfiguration(b -> b.bucket("receipts")).queueConfigurations())
                    .singleElement().satisfies(q -> {
                        assertThat(q.queueArn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:uploads");
                        assertThat(q.eventsAsStrings()).containsExactly("s3:ObjectCreated:*",
                                "s3:ObjectRemoved:Delete");
                    });
        }
    }
}
