package dev.simstack.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** SQS's semantic faults seen through the real SDK client: what a consumer gets, and what the ledger records. */
class SqsSemanticFaultsTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private Stack start(long seed, SemanticFault... faults) {
        Stack stack = StackConfig.defaults().withSeed(seed).withClock(ClockSpec.manual())
                .withQueue(QueueSpec.named("orders").withAttribute("VisibilityTimeout", "30"))
                .withInterceptor(new FaultInjector(FaultPlan.none().with(faults))).start();
        open.add(stack);
        return stack;
    }

    private SqsClient sqs(Stack stack) {
        SqsClient client = SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
        open.add(client);
        return client;
    }

    private static List<Message> receive(SqsClient sqs, String url, int max) {
        return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(max)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
    }

    private static String receiveCount(Message message) {
        return message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
    }

    private static long deliveries(Stack stack, String messageId) {
        return stack.ledger().entries(LedgerEntry.Message.class).stream()
                .filter(m -> m.kind() == LedgerEntry.MessageEvent.DELIVERED && m.messageId().equals(messageId))
                .count();
    }

    /** Sends {@code count} messages "m1".."mN", one at a time so the send order is known. */
    private static List<String> send(SqsClient sqs, String url, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String body = "m" + i;
            ids.add(sqs.sendMessage(b -> b.queueUrl(url).messageBody(body)).messageId());
        }
        return ids;
    }

    /** Receives and deletes until a receive comes back empty; the bodies in the order they were handed out. */
    private static List<String> consume(SqsClient sqs, String url) {
        List<String> bodies = new ArrayList<>();
        List<Message> got;
        while (!(got = receive(sqs, url, 10)).isEmpty()) {
            for (Message message : got) {
                bodies.add(message.body());
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
        }
        return bodies;
    }

    @Test
    void the_nth_message_deleted_comes_back_with_its_message_id_a_new_handle_and_receive_count_2() {

        Stack stack = start(1, DuplicateDelivery.on("orders").withNth(2)); // the 2nd message sent, after its delete
        SqsClient sqs = sqs(stack);
        String url = stack.queue("orders").url();
        List<String> ids = send(sqs, url, 3);

        Message first = receive(sqs, url, 10).stream().filter(m -> m.body().equals("m2")).findFirst().orElseThrow();
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(first.receiptHandle())); // succeeds
        List<Message> again = receive(sqs, url, 10);

        assertThat(again).singleElement().satisfies(copy -> {
            assertThat(copy.messageId()).isEqualTo(ids.get(1)).isEqualTo(first.messageId());
            assertThat(copy.receiptHandle()).isNotEqualTo(first.receiptHandle());
            assertThat(receiveCount(copy)).isEqualTo("2");
        });

        assertThat(deliveries(stack, ids.get(1))).isEqualTo(2);
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(again.get(0).receiptHandle()));
        assertThat(receive(sqs, url, 10)).as("duplicated once, then deleted").isEmpty();
    }

    @Test
    void a_deleted_message_comes_back_after_the_delay_on_the_stack_clock() {
        Stack stack = start(1, DuplicateDelivery.on("orders").withAfter(Duration.ofSeconds(10)));
        SqsClient sqs = sqs(stack);
        String url = stack.queue("orders").url();
        send(sqs, url, 1);

        assertThat(consume(sqs, url)).containsExactly("m1");
        stack.clock().advance(Duration.ofSeconds(10));

        assertThat(receive(sqs, url, 10)).singleElement().satisfies(m -> assertThat(receiveCount(m)).isEqualTo("2"));
    }

    @Test
    void a_same_receive_duplicate_hands_two_copies_to_one_receive() {
        Stack stack = start(1, DuplicateDelivery.on("orders").withMode(DuplicateDelivery.Mode.SAME_RECEIVE));
        SqsClient sqs = sqs(stack);
        String url = stack.queue("orders").url();
        send(sqs, url, 1);

        List<Message> got = receive(sqs, url, 10);

        assertThat(got).extracting(Message::body).containsExactly("m1", "m1");
        assertThat(got).extracting(Message::messageId).containsOnly(got.get(0).messageId());
        assertThat(got).extracting(SqsSemanticFaultsTest::receiveCount).containsExactly("1", "2");
        assertThat(got.get(0).receiptHandle()).isNotEqualTo(got.get(1).receiptHandle());
    }

    @Test
    void a_two_receives_duplicate_hands_the_message_to_the_next_receive_too() {
        Stack stack = start(1, DuplicateDelivery.on("orders").withMode(DuplicateDelivery.Mode.TWO_RECEIVES)
                .withMatcher(MessageMatcher.attribute("type", "refund")));
        SqsClient sqs = sqs(stack);
        String url = stack.queue("orders").url();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("refund 7").messageAttributes(Map.of("type",
                MessageAttributeValue.builder().dataType("String").stringValue("refund").build())));

        List<Message> consumerA = receive(sqs, url, 1);
        List<Message> consumerB = receive(sqs, url, 1);

        assertThat(consumerB).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo(consumerA.get(0).messageId());
            assertThat(receiveCount(m)).isEqualTo("2");
        });
        assertThat(receive(sqs, url, 1)).as("the copy keeps its visibility timeout").isEmpty();
    }

    @Test
    void a_matcher_duplicates_only_the_messages_it_matches() {
        Stack stack = start(1, DuplicateDelivery.on("orders").withMatcher(MessageMatcher.bodyMatches("^m[13]$")));
        SqsClient sqs = sqs(stack);
        String url = stack.queue("orders").url();
        send(sqs, url, 4);

        assertThat(consume(sqs, url)).hasSize(6).filteredOn(b -> b.equals("m1") || b.equals("m3")).hasSize(4);
    }

    @Test
    void duplicates_on_a_fifo_queue_are_refused() {
        FaultInjector injector = new FaultInjector(FaultPlan.none());
        Stack stack = StackConfig.defaults().withInterceptor(injector).start();
        open.add(stack);

        assertThatThrownBy(() -> injector.replace(FaultPlan.none().with(DuplicateDelivery.on("orders.fifo")), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate delivery on orders.fifo is refused: SQS FIFO queues deliver each message exactly"
                        + " once (exactly-once processing); duplicates are a standard queue's at-least-once delivery."
                        + " Use a standard queue, or test the FIFO queue's deduplication with MessageDeduplicationId"
                        + " instead.");
        assertThatThrownBy(() -> injector.replace(FaultPlan.none().with(Reordering.on("orders.fifo")), 1))
                .hasMessageStartingWith("reordering on orders.fifo is refused: SQS FIFO queues keep the order");
    }

    @Test
    void the_same_seed_duplicates_the_same_messages() {
        List<List<String>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Stack stack = start(42, DuplicateDelivery.on("orders").withProbability(0.3));
            SqsClient sqs = sqs(stack);
            String url = stack.queue("orders").url();
            send(sqs, url, 20);
            runs.add(consume(sqs, url));
        }
        assertThat(runs.get(0)).hasSizeGreaterThan(20).isEqualTo(runs.get(1));
    }

    @Test
    void an_expired_visibility_timeout_hands_the_message_to_another_consumer_mid_handler() {

        Stack stack = start(1, EarlyRedelivery.on("orders", Duration.ofSeconds(5))); // VisibilityTimeout is 30 s
        SqsClient sqs = sqs(stack);
        String url = stack.queue("orders").url();
        send(sqs, url, 1);

        Message slow = receive(sqs, url, 1).get(0);         // consumer A starts its handler
        stack.clock().advance(Duration.ofSeconds(6));        // ... and is still working
        Message other = receive(sqs, url, 1).get(0);        // consumer B gets the same message

        assertThat(other.messageId()).isEqualTo(slow.messageId());
        assertThat(receiveCount(other)).isEqualTo("2");
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(slow.receiptHandle())); // succeeds, deletes nothing
        assertThat(stack.queue("orders").depth().inFlight()).isEqualTo(1);

        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(other.receiptHandle()));
        assertThat(stack.queue("orders").depth().inFlight()).isZero();
    }

    @Test
    void reordered_receives_answer_out_of_send_order_the_same_every_run() {
        List<List<String>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Stack stack = start(3, Reordering.on("orders"));
            SqsClient sqs = sqs(stack);
            String url = stack.queue("orders").url();
            send(sqs, url, 5);
            runs.add(receive(sqs, url, 10).stream().map(Message::body).toList());
        }
        assertThat(runs.get(0)).containsExactlyInAnyOrder("m1", "m2", "m3", "m4", "m5")
                .isNotEqualTo(List.of("m1", "m2", "m3", "m4", "m5")).isEqualTo(runs.get(1));
    }

    @Test
    void empty_receives_return_nothing_while_messages_wait() {
        Stack stack = start(1, ShortReceives.on("orders").withAtMost(0));
        SqsClient sqs = sqs(stack);
        String url = stack.queue("orders").url();
        send(sqs, url, 3);

        assertThat(receive(sqs, url, 10)).isEmpty();
        assertThat(stack.queue("orders").depth().visible()).isEqualTo(3);
    }

    @Test
    void short_receives_return_fewer_messages_than_available() {
        Stack stack = start(1, ShortReceives.on("orders"));
        SqsClient sqs = sqs(stack);
        String url = stack.queue("orders").url();
        send(sqs, url, 5);

        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int visible = stack.queue("orders").depth().visible();
            int got = receive(sqs, url, 10).size();
            assertThat(got).isLessThan(Math.max(visible, 1));
            sizes.add(got);
        }
        assertThat(sizes).anyMatch(size -> size > 0);
    }

    @Test
    void every_sqs_kind_reads_from_a_plan_file() {
        FaultPlan plan = FaultPlan.parse("""
                faults:
                  - {kind: duplicate-delivery, queue: orders, mode: same-receive, bodyContains: refund, nth: 2}
                  - {kind: early-redelivery, queue: orders, after: 5s, probability: 0.5}
                  - {kind: reorder, queue: orders}
                  - {kind: short-receives, queue: orders, atMost: 0, probability: 0.25}
                  - {kind: poison-messages, queue: orders, attribute: type=poison}
                """, "faults.yaml");

        assertThat(plan.toString()).isEqualTo("""
                FaultPlan:
                  - duplicate-delivery on orders: SAME_RECEIVE the 2nd message sent with body containing 'refund'
                  - early-redelivery on orders: visible again PT5S after the first receive, messages, probability 0.5
                  - reorder on orders: each receive's messages out of send order
                  - short-receives on orders: at most 0 messages than available, probability 0.25
                  - poison-messages on orders: an event source mapping fails on messages with attribute type=poison""");
    }

    @Test
    void a_plan_file_with_an_unknown_field_or_mode_is_refused_naming_what_exists() {
        assertThatThrownBy(() -> FaultPlan.parse("faults:\n  - {kind: duplicate-delivery, queue: orders, nht: 2}\n",
                "p.yaml")).hasMessage("p.yaml: fault rule 'rule 1': unknown field 'nht'; kind duplicate-delivery has"
                        + " [after, attribute, bodyContains, bodyMatches, kind, mode, name, nth, probability, queue,"
                        + " times]");
        assertThatThrownBy(() -> FaultPlan.parse("faults:\n  - {kind: duplicate-delivery, queue: q, mode: twice}\n",
                "p.yaml")).hasMessage("p.yaml: fault rule 'rule 1': mode 'twice' is not one of after-delete,"
                        + " same-receive, two-receives");
        assertThatThrownBy(() -> FaultPlan.parse("faults:\n  - {kind: reorder}\n", "p.yaml"))
                .hasMessage("p.yaml: fault rule 'rule 1': kind reorder needs a queue (its name)");
        assertThatThrownBy(() -> FaultPlan.parse("faults:\n  - {kind: early-redelivery, queue: q}\n", "p.yaml"))
                .hasMessageContaining("early-redelivery needs 'after'");
    }
}
