package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.StackConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Long polls wait as futures on the stack's clock: they complete as soon as a message becomes available
 * (sent, or made visible by the clock) and empty when their wait time passes on the clock. One stack for
 * the class, a queue per test (the async client's event loop is slow to start and stop).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongPollingTest {

    private SqsTestSupport s;

    @BeforeAll
    void start() {
        s = SqsTestSupport.start();
    }

    @AfterAll
    void close() {
        s.close();
    }

    private CompletableFuture<ReceiveMessageResponse> poll(String url, int seconds) {
        return s.async().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(seconds).maxNumberOfMessages(10));
    }

    @Test
    void a_waiting_receive_completes_as_soon_as_a_message_is_sent() throws Exception {
        String url = s.createQueue("sent-while-waiting");
        CompletableFuture<ReceiveMessageResponse> poll = poll(url, 20);
        s.awaitWaitingPolls(1);
        assertThat(poll).isNotDone();
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("wake up"));
        assertThat(poll.get(5, TimeUnit.SECONDS).messages()).extracting(Message::body).containsExactly("wake up");
    }

    @Test
    void a_waiting_receive_completes_empty_when_its_wait_time_passes_on_the_clock() throws Exception {
        String url = s.createQueue("nothing-comes");
        CompletableFuture<ReceiveMessageResponse> poll = poll(url, 20);
        s.awaitWaitingPolls(1);
        s.advanceSeconds(19);
        s.awaitWaitingPolls(1);
        assertThat(poll).isNotDone();
        s.advanceSeconds(1);
        assertThat(poll.get(5, TimeUnit.SECONDS).messages()).isEmpty();
    }

    @Test
    void a_waiting_receive_gets_a_delayed_message_when_its_delay_ends() throws Exception {
        String url = s.createQueue("delayed-arrives");
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("later").delaySeconds(5));
        CompletableFuture<ReceiveMessageResponse> poll = poll(url, 20);
        s.awaitWaitingPolls(1);
        assertThat(poll).isNotDone();
        s.advanceSeconds(5);
        assertThat(poll.get(5, TimeUnit.SECONDS).messages()).extracting(Message::body).containsExactly("later");
    }

    @Test
    void a_waiting_receive_gets_a_message_whose_visibility_timeout_ends() throws Exception {
        String url = s.createQueue("visibility-ends");
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("retry me"));
        s.sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(3));
        CompletableFuture<ReceiveMessageResponse> poll = poll(url, 20);
        s.awaitWaitingPolls(1);
        s.advanceSeconds(3);
        assertThat(poll.get(5, TimeUnit.SECONDS).messages()).extracting(Message::body).containsExactly("retry me");
    }

    @Test
    void a_receive_with_messages_available_answers_at_once() throws Exception {
        String url = s.createQueue("already-there");
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("ready"));
        assertThat(poll(url, 20).get(5, TimeUnit.SECONDS).messages()).hasSize(1);
    }

    @Test
    void the_queues_receive_message_wait_time_applies_when_the_request_sets_none() throws Exception {
        String url = s.createQueue("queue-wait", Map.of(QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "10"));
        CompletableFuture<ReceiveMessageResponse> poll = s.async().receiveMessage(b -> b.queueUrl(url));
        s.awaitWaitingPolls(1);
        assertThat(poll).isNotDone();
        s.advanceSeconds(10);
        assertThat(poll.get(5, TimeUnit.SECONDS).messages()).isEmpty();
    }

    @Test
    void waiting_receives_are_served_in_arrival_order_and_a_message_goes_to_one_of_them() throws Exception {
        String url = s.createQueue("two-waiters");
        CompletableFuture<ReceiveMessageResponse> first = poll(url, 20);
        s.awaitWaitingPolls(1);
        CompletableFuture<ReceiveMessageResponse> second = poll(url, 20);
        s.awaitWaitingPolls(2);
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("only one"));
        assertThat(first.get(5, TimeUnit.SECONDS).messages()).hasSize(1);
        s.awaitWaitingPolls(1);
        assertThat(second).isNotDone();
        s.advanceSeconds(20);
        assertThat(second.get(5, TimeUnit.SECONDS).messages()).isEmpty();
    }

    @Test
    void deleting_the_queue_answers_its_waiting_receives() throws Exception {
        String url = s.createQueue("deleted-while-waiting");
        CompletableFuture<ReceiveMessageResponse> poll = poll(url, 20);
        s.awaitWaitingPolls(1);
        s.sqs.deleteQueue(b -> b.queueUrl(url));
        assertThat(poll.get(5, TimeUnit.SECONDS).messages()).isEmpty();
    }

    @Test
    void long_polls_on_a_real_clock_wake_on_send() throws Exception {
        try (SqsTestSupport real = SqsTestSupport.start(StackConfig.defaults().withClock(ClockSpec.real()))) {
            String url = real.createQueue("real-time");
            CompletableFuture<ReceiveMessageResponse> poll = real.async().receiveMessage(b -> b.queueUrl(url)
                    .waitTimeSeconds(20));
            real.awaitWaitingPolls(1);
            long start = System.nanoTime();
            real.sqs.sendMessage(b -> b.queueUrl(url).messageBody("now"));
            assertThat(poll.get(5, TimeUnit.SECONDS).messages()).hasSize(1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }
}
