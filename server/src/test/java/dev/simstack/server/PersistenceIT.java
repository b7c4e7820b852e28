package dev.simstack.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * {@code --data-dir} survives SIGKILL: the launcher is killed in the middle of a write load, restarted
 * on the same directory, and every write acknowledged more than one persistence period (plus a margin for
 * the save itself) before the kill is there, intact; whatever else is there is a whole write, never a torn one.
 */
class PersistenceIT {

    private static final Duration PERIOD = Duration.ofMillis(200);
    /** A save must also finish: the margin covers its duration on a slow machine; it is not a performance bound. */
    private static final Duration MARGIN = Duration.ofMillis(1500);
    private static final int ROUNDS = 3;
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    @TempDir
    Path dataDir;

    /** One write: what was sent, and when its acknowledgement arrived (nanoTime), or -1 if none did. */
    private record Write(String key, byte[] content, long ackedAt) {
    }

    private final Map<String, byte[]> intendedItems = new ConcurrentHashMap<>();
    private final Map<String, byte[]> intendedObjects = new ConcurrentHashMap<>();
    private final List<Write> ackedItems = new ArrayList<>();
    private final List<Write> ackedObjects = new ArrayList<>();

    @Test
    void sigkill_during_a_write_load_loses_nothing_older_than_the_period_and_tears_nothing() throws Exception {
        Map<String, String> pendingQueueChecks = new HashMap<>();   // queue name -> round, checked once
        List<Write> ackedMessages = new ArrayList<>();
        Map<String, byte[]> intendedMessages = new ConcurrentHashMap<>();
        long previousKill = 0;
        for (int round = 1; round <= ROUNDS + 1; round++) {
            try (LaunchedServer server = LaunchedServer.start("--port", "0", "--data-dir", dataDir.toString(),
                    "--persist-every", PERIOD.toMillis() + "ms");
                    SqsClient sqs = SqsClient.builder().endpointOverride(server.endpoint).region(Region.US_EAST_1)
                            .credentialsProvider(CREDENTIALS).build();
                    DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(server.endpoint)
                            .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).build();
                    S3Client s3 = S3Client.builder().endpointOverride(server.endpoint).region(Region.US_EAST_1)
                            .credentialsProvider(CREDENTIALS).forcePathStyle(true).build()) {
                if (round > 1) {
                    assertThat(server.output()).contains("Loaded ").contains(dataDir.toString());
                    long cutoff = previousKill - PERIOD.toNanos() - MARGIN.toNanos();
                    checkMessages(sqs, "load-" + (round - 1), ackedMessages, intendedMessages, cutoff);
                    checkItems(dynamo, cutoff);
                    checkObjects(s3, cutoff);
                }
                if (round > ROUNDS) {
                    break;
                }
                if (round == 1) {
                    dynamo.createTable(b -> b.tableName("load").billingMode(BillingMode.PAY_PER_REQUEST)
                            .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                            .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
                    s3.createBucket(b -> b.bucket("load"));
                }
                String queueUrl = sqs.createQueue(b -> b.queueName("load-" + pendingRound(pendingQueueChecks))).queueUrl();
                ackedMessages.clear();
                intendedMessages.clear();
                int thisRound = round;
                AtomicBoolean killed = new AtomicBoolean();
                List<Thread> writers = List.of(
                        writer(killed, i -> {
                            String key = "m-" + thisRound + "-" + i;
                            byte[] body = (key + ":" + "x".repeat(i % 200)).getBytes(StandardCharsets.UTF_8);
                            intendedMessages.put(key, body);
                            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(new String(body, StandardCharsets.UTF_8))
                                    .messageAttributes(Map.of("key", MessageAttributeValue.builder().dataType("String")
                                            .stringValue(key).build())));
                            synchronized (ackedMessages) {
                                ackedMessages.add(new Write(key, body, System.nanoTime()));
                            }
                        }),
                        writer(killed, i -> {
                            String key = "i-" + thisRound + "-" + i;
                            byte[] payload = payload(key, 100 + i % 3000);
                            intendedItems.put(key, payload);
                            dynamo.putItem(b -> b.tableName("load").item(Map.of("pk", AttributeValue.fromS(key),
                                    "payload", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(payload)))));
                            synchronized (ackedItems) {
                                ackedItems.add(new Write(key, payload, System.nanoTime()));
                            }
                        }),
                        writer(killed, i -> {
                            String key = "o-" + thisRound + "-" + i;
                            // Every 10th body is over 1 MiB, so it lives in a scratch file and is hard-linked.
                            byte[] body = payload(key, i % 10 == 9 ? 1_300_000 : 1 + i * 37 % 20_000);
                            intendedObjects.put(key, body);
                            s3.putObject(b -> b.bucket("load").key(key), RequestBody.fromBytes(body));
                            synchronized (ackedObjects) {
                                ackedObjects.add(new Write(key, body, System.nanoTime()));
                            }
                        }));
                writers.forEach(Thread::start);
                Thread.sleep(2500 + round * 300L);
                killed.set(true);
                previousKill = System.nanoTime();
                server.kill();
                for (Thread writer : writers) {
                    writer.join(30_000);
                }
                assertThat(ackedItems).isNotEmpty();
                assertThat(ackedObjects).isNotEmpty();
                assertThat(ackedMessages).isNotEmpty();
            }
        }
    }

    @Test
    void a_clean_stop_saves_every_acknowledged_write_and_the_next_start_says_what_it_loaded() throws Exception {
        // A period far longer than the test: only the save on SIGTERM can have written these writes.
        LaunchedServer first = LaunchedServer.start("--port", "0", "--data-dir", dataDir.toString(),
                "--persist-every", "1h");
        assertThat(first.output()).contains("No snapshot in");
        try (SqsClient sqs = SqsClient.builder().endpointOverride(first.endpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).build()) {
            String url = sqs.createQueue(b -> b.queueName("kept")).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("written just before the stop"));
        }
        first.stop();
        assertThat(first.output()).contains("Saved 1 queues, 1 messages").contains("SimStack stopped.");

        try (LaunchedServer second = LaunchedServer.start("--port", "0", "--data-dir", dataDir.toString());
                SqsClient sqs = SqsClient.builder().endpointOverride(second.endpoint).region(Region.US_EAST_1)
                        .credentialsProvider(CREDENTIALS).build()) {
            assertThat(second.output()).contains("Loaded 1 queues, 1 messages").contains(dataDir.toString());
            String url = sqs.getQueueUrl(b -> b.queueName("kept")).queueUrl();
            assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).extracting(Message::body)
                    .containsExactly("written just before the stop");
        }
    }

    private static String pendingRound(Map<String, String> rounds) {
        String round = String.valueOf(rounds.size() + 1);
        rounds.put(round, round);
        return round;
    }

    private interface Step {
        void run(int i) throws Exception;
    }

    /** Writes until the kill; a request cut off by the kill ends it (that write was never acknowledged). */
    private static Thread writer(AtomicBoolean killed, Step step) {
        Thread thread = new Thread(() -> {
            for (int i = 0; !killed.get(); i++) {
                try {
                    step.run(i);
                } catch (Exception e) {
                    if (!killed.get()) {
                        throw new AssertionError("a write failed before the kill", e);
                    }
                    return;
                }
            }
        }, "load-writer");
        thread.setDaemon(true);
        return thread;
    }

    private static void checkMessages(SqsClient sqs, String queue, List<Write> acked, Map<String, byte[]> intended,
            long cutoff) {
        String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        Map<String, Message> present = new HashMap<>();
        for (List<Message> page = receive(sqs, url); !page.isEmpty(); page = receive(sqs, url)) {
            page.forEach(message -> present.put(message.messageAttributes().get("key").stringValue(), message));
        }
        for (Message message : present.values()) {
            String key = message.messageAttributes().get("key").stringValue();
            assertThat(intended).as("message %s was sent", key).containsKey(key);
            assertThat(message.body()).isEqualTo(new String(intended.get(key), StandardCharsets.UTF_8));
        }
        checkAcknowledged("message", acked, present.keySet(), cutoff);
    }

    private static List<Message> receive(SqsClient sqs, String url) {
        return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(600)
                .messageAttributeNames("All")).messages();
    }

    private void checkItems(DynamoDbClient dynamo, long cutoff) {
        Map<String, byte[]> present = new HashMap<>();
        dynamo.scanPaginator(b -> b.tableName("load")).items().forEach(item ->
                present.put(item.get("pk").s(), item.get("payload").b().asByteArray()));
        present.forEach((key, payload) -> assertThat(Arrays.equals(payload, intendedItems.get(key)))
                .as("item %s is whole", key).isTrue());
        checkAcknowledged("item", ackedItems, present.keySet(), cutoff);
    }

    private void checkObjects(S3Client s3, long cutoff) {
        Map<String, Long> present = new HashMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket("load")).contents()) {
            present.put(object.key(), object.size());
            byte[] bytes = s3.getObjectAsBytes(b -> b.bucket("load").key(object.key())).asByteArray();
            assertThat(Arrays.equals(bytes, intendedObjects.get(object.key()))).as("object %s is whole", object.key())
                    .isTrue();
        }
        checkAcknowledged("object", ackedObjects, present.keySet(), cutoff);
    }

    /**
     * Every write acknowledged before {@code cutoff} is present. Later ones may have been lost with the
     * kill, legitimately; those are forgotten, so a later round does not expect them.
     */
    private static void checkAcknowledged(String kind, List<Write> acked, java.util.Set<String> present, long cutoff) {
        for (Write write : acked) {
            if (write.ackedAt() < cutoff) {
                assertThat(present.contains(write.key())).as("%s %s, acknowledged %d ms before the kill, is there",
                        kind, write.key(), (cutoff - write.ackedAt()) / 1_000_000 + PERIOD.plus(MARGIN).toMillis())
                        .isTrue();
            }
        }
        long required = acked.stream().filter(write -> write.ackedAt() < cutoff).count();
        acked.removeIf(write -> !present.contains(write.key()));
        System.out.printf("%s: %d acknowledged before the cutoff, all there; %d present in all%n", kind, required,
                present.size());
    }

    /** Bytes that differ per key, so a body stored under the wrong key or cut short shows. */
    private static byte[] payload(String key, int size) {
        byte[] bytes = new byte[size];
        new Random(key.hashCode()).nextBytes(bytes);
        return bytes;
    }
}
