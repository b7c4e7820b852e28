package dev.simstack.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.BucketSpec;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * S3's SlowDown on a prefix and its event notifications delivered twice or late, seen through a real S3Client and
 * the SQS queue the bucket notifies: AWS's error, the SDK's attempts in the ledger, the messages the queue holds.
 */
class S3FaultsTest {

    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("k", "s"));

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private Stack start(FaultPlan plan, long seed) {
        Stack stack = StackConfig.defaults().withSeed(seed).withClock(ClockSpec.manual())
                .withQueue(QueueSpec.named("uploaded"))
                .withBucket(BucketSpec.named("uploads").notifyQueue("uploaded", "s3:ObjectCreated:*"))
                .withInterceptor(new FaultInjector(plan)).start();
        open.add(stack);
        return stack;
    }

    private S3Client s3(Stack stack) {
        S3Client client = S3Client.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).forcePathStyle(true)
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
        open.add(client);
        return client;
    }

    private SqsClient sqs(Stack stack) {
        SqsClient client = SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build();
        open.add(client);
        return client;
    }

    private static void put(S3Client s3, String key) {
        s3.putObject(b -> b.bucket("uploads").key(key), RequestBody.fromString("{}"));
    }

    /** The keys of the events the queue holds now, one per message. */
    private static List<String> events(Stack stack, SqsClient sqs) {
        String url = stack.queue("uploaded").url();
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
        return messages.stream().map(m -> m.body().replaceAll(".*\"key\":\"([^\"]*)\".*", "$1")).toList();
    }

    private static List<String> faulted(Stack stack) {
        return stack.ledger().entries(LedgerEntry.Request.class).stream().filter(r -> r.fault() != null)
                .map(r -> r.operation() + " " + r.status() + " " + r.errorCode() + " " + r.fault()).toList();
    }

    @Test
    void writes_to_a_prefix_beyond_its_rate_answer_slow_down_after_the_sdk_retries_and_other_prefixes_are_served() {
        Stack stack = start(FaultPlan.none().with(SlowDown.on("uploads", "images/").withRates(1, 100)), 7);
        S3Client s3 = s3(stack);

        put(s3, "images/1.png"); // the prefix's one write this second
        assertThatThrownBy(() -> put(s3, "images/2.png")).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SlowDown");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Please reduce your request rate.");
        });
        put(s3, "docs/1.txt");
        s3.getObjectAsBytes(b -> b.bucket("uploads").key("images/1.png")); // reads have their own rate

        assertThat(faulted(stack)).as("the first attempt and the standard retry mode's two retries").containsExactly(
                "PutObject 503 SlowDown s3-slow-down", "PutObject 503 SlowDown s3-slow-down",
                "PutObject 503 SlowDown s3-slow-down");
        stack.clock().advance(Duration.ofSeconds(1));
        put(s3, "images/2.png");
    }

    @Test
    void a_duplicated_notification_reaches_the_queue_twice_as_the_same_event() {
        Stack stack = start(FaultPlan.none().with(NotificationDelivery.duplicated("uploads").withTimes(1)), 7);
        put(s3(stack), "a.json");
        put(s3(stack), "b.json");

        assertThat(events(stack, sqs(stack))).containsExactlyInAnyOrder("a.json", "a.json", "b.json");
    }

    @Test
    void a_late_notification_reaches_the_queue_only_once_the_stack_clock_has_passed_its_delay() {
        Stack stack = start(FaultPlan.none().with(NotificationDelivery.late("uploads", Duration.ofMinutes(5))), 7);
        SqsClient sqs = sqs(stack);
        put(s3(stack), "a.json");

        assertThat(events(stack, sqs)).isEmpty();
        stack.clock().advance(Duration.ofMinutes(5));
        assertThat(events(stack, sqs)).containsExactly("a.json");
    }

    @Test
    void the_same_seed_duplicates_the_same_notifications() {
        List<List<String>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Stack stack = start(FaultPlan.none().with(NotificationDelivery.duplicated("uploads").withProbability(0.5)),
                    42);
            S3Client s3 = s3(stack);
            for (int i = 0; i < 8; i++) {
                put(s3, "k" + i);
            }
            List<String> sent = stack.ledger().entries(LedgerEntry.Message.class).stream()
                    .filter(m -> m.kind().name().equals("SENT")).map(m -> "sent").toList();
            List<String> keys = new ArrayList<>();
            SqsClient sqs = sqs(stack);
            for (List<String> batch = events(stack, sqs); !batch.isEmpty(); batch = events(stack, sqs)) {
                keys.addAll(batch);
            }
            keys.sort(null);
            assertThat(keys).hasSize(sent.size());
            runs.add(keys);
        }
        assertThat(runs.get(0)).isEqualTo(runs.get(1)).hasSizeBetween(9, 15);
    }
}
