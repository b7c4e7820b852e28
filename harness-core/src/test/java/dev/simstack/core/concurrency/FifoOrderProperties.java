package dev.simstack.core.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * FIFO ordering against a model, for arbitrary interleavings of sends to random groups (with random
 * deduplication ids), receives by several consumers, deletes and visibility timeouts running out on a manual
 * clock. AWS leaves open which groups and how many messages a receive returns, so each receive is checked for
 * consistency rather than predicted: every group it returns had nothing in flight, and the group's messages
 * are the head of what is left of it, in send order. A final drain checks nothing was lost.
 *
 * <p>Time only moves in steps of 7 s and 61 s, so with a 30 s visibility timeout no step ever lands exactly on
 * an expiry instant (where "visible again" would be ambiguous); a run stays under the 5-minute deduplication
 * interval, so every reused deduplication id is a duplicate.
 */
class FifoOrderProperties {

    private static final int VISIBILITY_SECONDS = 30;
    private static final int RUN_SECONDS_LIMIT = 290;
    private static final int GROUPS = 3;
    private static final int CONSUMERS = 3;

    private static Stack stack;
    private static SdkHttpClient http;
    private static SqsClient producer;
    private static List<SqsClient> consumers;
    private static final AtomicInteger QUEUES = new AtomicInteger();

    @BeforeContainer
    static void start() {
        stack = StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(5).start();
        http = ApacheHttpClient.builder().maxConnections(8).build();
        producer = client("producer");
        consumers = new ArrayList<>();
        for (int c = 0; c < CONSUMERS; c++) {
            consumers.add(client("consumer-" + c));
        }
    }

    @AfterContainer
    static void stop() {
        if (consumers != null) {
            consumers.forEach(SqsClient::close);
        }
        if (producer != null) {
            producer.close();
        }
        if (http != null) {
            http.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    private static SqsClient client(String accessKeyId) {
        return SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "secret")))
                .httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** One step of a scenario. */
    sealed interface Step permits Send, Receive, Delete, Advance {
    }

    record Send(int group, int dedupId) implements Step {
    }

    record Receive(int consumer, int max) implements Step {
    }

    /** Deletes the {@code pick}-th in-flight message (modulo how many there are), by its current receipt handle. */
    record Delete(int pick) implements Step {
    }

    record Advance(int seconds) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> scenarios() {
        Arbitrary<Step> send = Combinators.combine(Arbitraries.integers().between(0, GROUPS - 1),
                Arbitraries.integers().between(0, 11)).as(Send::new);
        Arbitrary<Step> receive = Combinators.combine(Arbitraries.integers().between(0, CONSUMERS - 1),
                Arbitraries.integers().between(1, 10)).as(Receive::new);
        Arbitrary<Step> delete = Arbitraries.integers().between(0, 20).map(Delete::new);
        Arbitrary<Step> advance = Arbitraries.of(7, 61).map(Advance::new);
        return Arbitraries.frequencyOf(Tuple.of(5, send), Tuple.of(4, receive), Tuple.of(3, delete),
                Tuple.of(2, advance)).list().ofMinSize(5).ofMaxSize(40);
    }

    @Property(tries = 30)
    void each_group_is_received_in_send_order_minus_duplicates_and_is_blocked_while_a_message_is_in_flight(
            @ForAll("scenarios") List<Step> steps) {
        String name = "order-" + QUEUES.incrementAndGet() + ".fifo";
        String url = producer.createQueue(r -> r.queueName(name).attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(VISIBILITY_SECONDS)))).queueUrl();
        Model model = new Model();
        for (Step step : steps) {
            model.expire();
            if (step instanceof Send send) {
                send(url, model, send);
            } else if (step instanceof Receive receive) {
                receive(url, model, consumers.get(receive.consumer()), receive.max(), false);
            } else if (step instanceof Delete delete) {
                delete(url, model, delete.pick());
            } else if (step instanceof Advance advance && model.elapsed + advance.seconds() < RUN_SECONDS_LIMIT) {
                stack.clock().advance(Duration.ofSeconds(advance.seconds()));
                model.elapsed += advance.seconds();
            }
        }
        drain(url, model);

        assertThat(model.firstDeliveries).as("first deliveries per group").isEqualTo(model.accepted);
    }

    private static void send(String url, Model model, Send send) {
        String group = "g" + send.group();
        String body = group + "#" + model.sends++;
        String dedupId = "d" + send.dedupId();
        producer.sendMessage(r -> r.queueUrl(url).messageBody(body).messageGroupId(group)
                .messageDeduplicationId(dedupId));
        if (model.dedupIds.add(dedupId)) {
            model.pending.computeIfAbsent(group, g -> new ArrayList<>()).add(body);
            model.accepted.computeIfAbsent(group, g -> new ArrayList<>()).add(body);
        }
    }

    /** Receives once, checks the answer against the model, and (when draining) deletes what it got. */
    private static int receive(String url, Model model, SqsClient consumer, int max, boolean deleteAll) {
        List<Message> messages = consumer.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(max)
                .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID)).messages();
        assertThat(messages.size()).as("messages returned for MaxNumberOfMessages %d", max).isLessThanOrEqualTo(max);
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        for (Message m : messages) {
            String group = m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
            assertThat(m.body()).as("MessageGroupId of a message").startsWith(group + "#");
            byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(m.body());
        }
        for (Map.Entry<String, List<String>> entry : byGroup.entrySet()) {
            String group = entry.getKey();
            assertThat(model.inFlightOf(group)).as("messages of group %s in flight when the group was received again"
                    + " (model at %ss: %s)", group, model.elapsed, model.inFlight).isEmpty();
            List<String> pending = model.pending.getOrDefault(group, List.of());
            assertThat(entry.getValue()).as("messages of group %s returned; what was left of the group, in order: %s",
                    group, pending).isEqualTo(pending.subList(0, Math.min(pending.size(), entry.getValue().size())));
        }
        for (Message m : messages) {
            String group = m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
            model.inFlight.put(m.body(), new InFlight(group, m.receiptHandle(), model.elapsed + VISIBILITY_SECONDS));
            if (model.delivered.add(m.body())) {
                model.firstDeliveries.computeIfAbsent(group, g -> new ArrayList<>()).add(m.body());
            }
        }
        if (deleteAll) {
            for (Message m : messages) {
                consumer.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
                model.deleted(m.body());
            }
        }
        return messages.size();
    }

    private static void delete(String url, Model model, int pick) {
        if (model.inFlight.isEmpty()) {
            return;
        }
        List<String> bodies = new ArrayList<>(model.inFlight.keySet());
        String body = bodies.get(pick % bodies.size());
        String handle = model.inFlight.get(body).receiptHandle();
        consumers.get(pick % CONSUMERS).deleteMessage(r -> r.queueUrl(url).receiptHandle(handle));
        model.deleted(body);
    }

    /** Lets every in-flight message time out, then receives and deletes until the model says nothing is left. */
    private static void drain(String url, Model model) {
        stack.clock().advance(Duration.ofSeconds(VISIBILITY_SECONDS + 1));
        model.elapsed += VISIBILITY_SECONDS + 1;
        model.expire();
        int left = model.pending.values().stream().mapToInt(List::size).sum();
        int emptyAnswers = 0;
        while (left > 0 && emptyAnswers < 5) {
            int got = receive(url, model, consumers.get(0), 10, true);
            emptyAnswers = got == 0 ? emptyAnswers + 1 : 0;
            left = model.pending.values().stream().mapToInt(List::size).sum();
        }
        assertThat(model.pending.values().stream().flatMap(List::stream).collect(Collectors.toList()))
                .as("messages never delivered although their groups were free").isEmpty();
    }

    record InFlight(String group, String receiptHandle, long visibleAgainAt) {
    }

    /** What the queue should hold: per group, the undeleted messages in send order, and what is in flight. */
    private static final class Model {
        final Map<String, List<String>> pending = new TreeMap<>();
        final Map<String, List<String>> accepted = new TreeMap<>();
        final Map<String, List<String>> firstDeliveries = new TreeMap<>();
        final Map<String, InFlight> inFlight = new TreeMap<>();
        final Set<String> dedupIds = new HashSet<>();
        final Set<String> delivered = new HashSet<>();
        int sends;
        long elapsed;

        void expire() {
            inFlight.values().removeIf(f -> f.visibleAgainAt() < elapsed);
        }

        List<String> inFlightOf(String group) {
            return inFlight.entrySet().stream().filter(e -> e.getValue().group().equals(group)).map(Map.Entry::getKey)
                    .collect(Collectors.toList());
        }

        void deleted(String body) {
            InFlight was = inFlight.remove(body);
            pending.get(was.group()).remove(body);
        }
    }
}
