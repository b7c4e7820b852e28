package dev.simstack.core.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Many consumers on one queue, over real HTTP with the real SDK: nothing is lost, nothing is handed to two
 * consumers while its visibility timeout holds, and FIFO groups stay in order with one consumer at a time.
 * Runs on the real clock with a visibility timeout far longer than the test, so any second delivery is a bug.
 */
class SqsConcurrencyTest {

    private static final int STANDARD_MESSAGES = 10_000;
    private static final int STANDARD_CONSUMERS = 8;
    private static final int FIFO_GROUPS = 6;
    private static final int FIFO_PER_GROUP = 200;
    private static final int FIFO_CONSUMERS = 4;
    /** Consecutive empty long polls (1 s each) after which a consumer decides the queue is drained. */
    private static final int EMPTY_POLLS_TO_STOP = 3;

    private final SdkHttpClient http = ApacheHttpClient.builder().maxConnections(16).build();
    private final List<SqsClient> clients = new ArrayList<>();
    private Stack stack;

    @AfterEach
    void stop() {
        clients.forEach(SqsClient::close);
        http.close();
        if (stack != null) {
            stack.close();
        }
    }

    /** A client signing as {@code accessKeyId}, so the ledger's {@code consumer} tells the threads apart. */
    private SqsClient client(String accessKeyId) {
        SqsClient client = SqsClient.builder()
                .endpointOverride(stack.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "secret")))
                .httpClient(http)
                // A retried send would duplicate a message and a retried receive would hide a failure.
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        clients.add(client);
        return client;
    }

    /** One delivery as a consumer saw it. */
    record Delivery(String consumer, String messageId, String receiptHandle, String body, String receiveCount) {
    }

    @Test
    void eight_consumers_receive_every_message_exactly_once_while_its_visibility_timeout_holds() throws Exception {
        stack = StackConfig.defaults().withSeed(21)
                .withQueue(QueueSpec.named("work").withAttribute("VisibilityTimeout", "60"))
                .start();
        String url = stack.queue("work").url();
        Map<String, String> sent = sendStandard(client("producer"), url);
        assertThat(sent).hasSize(STANDARD_MESSAGES);

        Map<String, Queue<Delivery>> deliveries = new ConcurrentHashMap<>();
        AtomicInteger deleted = new AtomicInteger();
        Queue<String> deleteFailures = new ConcurrentLinkedQueue<>();
        List<Callable<Void>> consumers = new ArrayList<>();
        for (int c = 0; c < STANDARD_CONSUMERS; c++) {
            String name = "consumer-" + c;
            SqsClient sqs = client(name);
            consumers.add(() -> {
                consumeStandard(sqs, name, url, deliveries, deleted, deleteFailures);
                return null;
            });
        }
        runAll(consumers);

        assertThat(deleteFailures).as("DeleteMessageBatch entries that failed").isEmpty();
        assertThat(deliveries.keySet()).as("message ids delivered").isEqualTo(sent.keySet());
        assertThat(deliveries.entrySet()).as("messages delivered more than once within their visibility timeout")
                .filteredOn(entry -> entry.getValue().size() != 1)
                .isEmpty();
        List<Delivery> all = deliveries.values().stream().flatMap(Queue::stream).collect(Collectors.toList());
        assertThat(all).allSatisfy(d -> {
            assertThat(d.body()).as("body of %s", d.messageId()).isEqualTo(sent.get(d.messageId()));
            assertThat(d.receiveCount()).as("ApproximateReceiveCount of %s", d.messageId()).isEqualTo("1");
        });
        assertThat(all.stream().map(Delivery::receiptHandle).distinct().count()).as("distinct receipt handles")
                .isEqualTo(STANDARD_MESSAGES);
        assertThat(deleted.get()).isEqualTo(STANDARD_MESSAGES);

        assertLedgerShowsOneDeliveryEach(stack.queue("work").arn(), all);
        assertQueueIsEmpty(client("auditor"), url);
    }

    private Map<String, String> sendStandard(SqsClient sqs, String url) throws Exception {
        Map<String, String> sent = new ConcurrentHashMap<>();
        List<Callable<Void>> producers = new ArrayList<>();
        int batches = STANDARD_MESSAGES / 10;
        for (int p = 0; p < 4; p++) {
            int first = p;
            producers.add(() -> {
                for (int b = first; b < batches; b += 4) {
                    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        entries.add(SendMessageBatchRequestEntry.builder().id("e" + i)
                                .messageBody("m-" + (b * 10 + i)).build());
                    }
                    SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(url).entries(entries));
                    assertThat(response.failed()).as("failed entries of batch %d", b).isEmpty();
                    response.successful().forEach(ok -> sent.put(ok.messageId(),
                            entries.get(Integer.parseInt(ok.id().substring(1))).messageBody()));
                }
                return null;
            });
        }
        runAll(producers);
        return sent;
    }

    private static void consumeStandard(SqsClient sqs, String name, String url, Map<String, Queue<Delivery>> deliveries,
            AtomicInteger deleted, Queue<String> deleteFailures) {
        int empty = 0;
        while (deleted.get() < STANDARD_MESSAGES && empty < EMPTY_POLLS_TO_STOP) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
            if (messages.isEmpty()) {
                empty++;
                continue;
            }
            empty = 0;
            assertThat(messages.size()).as("messages in one receive").isLessThanOrEqualTo(10);
            for (Message m : messages) {
                deliveries.computeIfAbsent(m.messageId(), id -> new ConcurrentLinkedQueue<>())
                        .add(new Delivery(name, m.messageId(), m.receiptHandle(), m.body(),
                                m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)));
            }
            DeleteMessageBatchResponse response = sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(
                    IntStream.range(0, messages.size()).mapToObj(i -> DeleteMessageBatchRequestEntry.builder()
                            .id("d" + i).receiptHandle(messages.get(i).receiptHandle()).build())
                            .collect(Collectors.toList())));
            response.failed().forEach(f -> deleteFailures.add(name + ": " + f));
            deleted.addAndGet(response.successful().size());
        }
    }

    @Test
    void fifo_groups_are_delivered_in_order_to_one_consumer_at_a_time() throws Exception {
        stack = StackConfig.defaults().withSeed(22)
                .withQueue(QueueSpec.named("orders.fifo").withAttribute("VisibilityTimeout", "60"))
                .start();
        String url = stack.queue("orders.fifo").url();
        Map<String, String> sent = sendFifo(client("producer"), url);
        assertThat(sent).hasSize(FIFO_GROUPS * FIFO_PER_GROUP);

        FifoTracker tracker = new FifoTracker();
        List<Callable<Void>> consumers = new ArrayList<>();
        for (int c = 0; c < FIFO_CONSUMERS; c++) {
            String name = "fifo-consumer-" + c;
            SqsClient sqs = client(name);
            consumers.add(() -> {
                consumeFifo(sqs, name, url, tracker);
                return null;
            });
        }
        runAll(consumers);

        assertThat(tracker.violations).as("order and exclusivity violations").isEmpty();
        assertThat(tracker.deleteFailures).as("DeleteMessageBatch entries that failed").isEmpty();
        for (int g = 0; g < FIFO_GROUPS; g++) {
            assertThat(tracker.next.get("g" + g).get()).as("messages of group g%d processed in order", g)
                    .isEqualTo(FIFO_PER_GROUP);
        }
        assertThat(tracker.deliveries.keySet()).as("message ids delivered").isEqualTo(sent.keySet());
        assertThat(tracker.deliveries.entrySet()).as("messages delivered more than once")
                .filteredOn(entry -> entry.getValue().size() != 1)
                .isEmpty();
        List<Delivery> all = tracker.deliveries.values().stream().flatMap(Queue::stream).collect(Collectors.toList());
        assertLedgerShowsOneDeliveryEach(stack.queue("orders.fifo").arn(), all);
        assertQueueIsEmpty(client("auditor"), url);
    }

    /** Sends each group's messages in order, in batches of 10 from one group, groups interleaved. */
    private static Map<String, String> sendFifo(SqsClient sqs, String url) {
        Map<String, String> sent = new ConcurrentHashMap<>();
        for (int round = 0; round < FIFO_PER_GROUP / 10; round++) {
            for (int g = 0; g < FIFO_GROUPS; g++) {
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    int seq = round * 10 + i;
                    entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageGroupId("g" + g)
                            .messageDeduplicationId("g" + g + "-" + seq).messageBody("g" + g + ":" + seq).build());
                }
                SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(url).entries(entries));
                assertThat(response.failed()).as("failed entries").isEmpty();
                for (var ok : response.successful()) {
                    sent.put(ok.messageId(), entries.get(Integer.parseInt(ok.id().substring(1))).messageBody());
                }
            }
        }
        return sent;
    }

    /** What the FIFO consumers saw, shared between them. */
    private static final class FifoTracker {
        final Map<String, String> holder = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> next = new ConcurrentHashMap<>();
        final Map<String, String> lastSequenceNumber = new ConcurrentHashMap<>();
        final Map<String, Queue<Delivery>> deliveries = new ConcurrentHashMap<>();
        final Queue<String> violations = new ConcurrentLinkedQueue<>();
        final Queue<String> deleteFailures = new ConcurrentLinkedQueue<>();
        final AtomicInteger processed = new AtomicInteger();

        FifoTracker() {
            for (int g = 0; g < FIFO_GROUPS; g++) {
                next.put("g" + g, new AtomicInteger());
            }
        }
    }

    private static void consumeFifo(SqsClient sqs, String name, String url, FifoTracker t) {
        int total = FIFO_GROUPS * FIFO_PER_GROUP;
        int empty = 0;
        while (t.processed.get() < total && empty < EMPTY_POLLS_TO_STOP) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID,
                            MessageSystemAttributeName.SEQUENCE_NUMBER,
                            MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
            if (messages.isEmpty()) {
                empty++;
                continue;
            }
            empty = 0;
            Set<String> groups = messages.stream().map(m -> m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
            for (String group : groups) {
                String other = t.holder.putIfAbsent(group, name);
                if (other != null) {
                    t.violations.add("group " + group + " was delivered to " + name + " while " + other
                            + " still had one of its messages in flight");
                }
            }
            for (Message m : messages) {
                String group = m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
                t.deliveries.computeIfAbsent(m.messageId(), id -> new ConcurrentLinkedQueue<>()).add(new Delivery(name,
                        m.messageId(), m.receiptHandle(), m.body(),
                        m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)));
                checkOrder(t, name, group, m);
            }
            // Release before deleting: the queue unblocks a group only once the delete lands, so a consumer that
            // gets the group after this point is legitimate, and one that got it before is caught above.
            groups.forEach(group -> t.holder.remove(group, name));
            DeleteMessageBatchResponse response = sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(
                    IntStream.range(0, messages.size()).mapToObj(i -> DeleteMessageBatchRequestEntry.builder()
                            .id("d" + i).receiptHandle(messages.get(i).receiptHandle()).build())
                            .collect(Collectors.toList())));
            response.failed().forEach(f -> t.deleteFailures.add(name + ": " + f));
            t.processed.addAndGet(response.successful().size());
        }
    }

    private static void checkOrder(FifoTracker t, String name, String group, Message m) {
        String[] parts = m.body().split(":");
        if (!parts[0].equals(group)) {
            t.violations.add("message " + m.body() + " came with MessageGroupId " + group);
            return;
        }
        int seq = Integer.parseInt(parts[1]);
        int expected = t.next.get(group).getAndIncrement();
        if (seq != expected) {
            t.violations.add(name + " got " + m.body() + " where group " + group + " was at message " + expected);
        }
        String sequenceNumber = m.attributes().get(MessageSystemAttributeName.SEQUENCE_NUMBER);
        if (sequenceNumber == null) {
            t.violations.add(m.body() + " has no SequenceNumber attribute");
            return;
        }
        String previous = t.lastSequenceNumber.put(group, sequenceNumber);
        if (previous != null && new BigInteger(previous).compareTo(new BigInteger(sequenceNumber)) >= 0) {
            t.violations.add("SequenceNumber of " + m.body() + " (" + sequenceNumber + ") is not above the previous one"
                    + " of group " + group + " (" + previous + ")");
        }
    }

    private void assertLedgerShowsOneDeliveryEach(String queueArn, List<Delivery> deliveries) {
        List<LedgerEntry.Message> lifecycle = stack.ledger().entries(LedgerEntry.Message.class).stream()
                .filter(entry -> entry.queue().arn().equals(queueArn)).collect(Collectors.toList());
        Map<String, List<LedgerEntry.Message>> delivered = lifecycle.stream()
                .filter(entry -> entry.kind() == LedgerEntry.MessageEvent.DELIVERED)
                .collect(Collectors.groupingBy(LedgerEntry.Message::messageId));
        Map<String, String> consumerOf = deliveries.stream()
                .collect(Collectors.toMap(Delivery::messageId, Delivery::consumer, (a, b) -> a + "," + b));

        assertThat(lifecycle).filteredOn(entry -> entry.kind() == LedgerEntry.MessageEvent.SENT)
                .as("SENT entries").hasSize(deliveries.size());
        assertThat(lifecycle).filteredOn(entry -> entry.kind() == LedgerEntry.MessageEvent.DELETED)
                .as("DELETED entries").hasSize(deliveries.size());
        assertThat(delivered.keySet()).as("message ids with a DELIVERED entry").isEqualTo(consumerOf.keySet());
        assertThat(delivered.values()).as("DELIVERED entries per message").allSatisfy(entries -> {
            assertThat(entries).hasSize(1);
            LedgerEntry.Message entry = entries.get(0);
            assertThat(entry.receiveCount()).as("receive count of %s", entry.messageId()).isEqualTo(1);
            assertThat(entry.consumer()).as("consumer of %s", entry.messageId())
                    .isEqualTo(consumerOf.get(entry.messageId()));
        });
    }

    private static void assertQueueIsEmpty(SqsClient sqs, String url) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        assertThat(attributes).containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0")
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, "0");
    }

    /** Runs the tasks in parallel and rethrows the first failure; bounded so a stuck consumer fails the test. */
    private static void runAll(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Void>> futures = new ArrayList<>();
            tasks.forEach(task -> futures.add(pool.submit(task)));
            for (Future<Void> future : futures) {
                try {
                    future.get(3, TimeUnit.MINUTES);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof Error) {
                        throw (Error) e.getCause();
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
