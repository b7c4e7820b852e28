package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.LedgerEntry.MessageEvent;
import dev.simstack.core.StackConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Many clients at once: nothing is lost and no message is delivered twice within its visibility timeout. */
class ConcurrencyTest {

    private static final int PRODUCERS = 6;
    private static final int PER_PRODUCER = 200;
    private static final int CONSUMERS = 6;

    @Test
    void concurrent_producers_and_consumers_see_every_message_exactly_once() throws Exception {
        try (SqsTestSupport s = SqsTestSupport.start(StackConfig.defaults().withClock(ClockSpec.real()))) {
            String url = s.createQueue("busy", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "600"));
            int total = PRODUCERS * PER_PRODUCER;
            Set<String> received = ConcurrentHashMap.newKeySet();
            AtomicInteger duplicates = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS + CONSUMERS);
            List<Future<?>> work = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                int producer = p;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < PER_PRODUCER; i++) {
                        int n = i;
                        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody(producer + "-" + n));
                    }
                }));
            }
            for (int c = 0; c < CONSUMERS; c++) {
                work.add(pool.submit(() -> {
                    while (received.size() < total) {
                        for (Message m : s.sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                                .waitTimeSeconds(1)).messages()) {
                            if (!received.add(m.body())) {
                                duplicates.incrementAndGet();
                            }
                            s.sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
                        }
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(duplicates).hasValue(0);
            assertThat(received).hasSize(total);
            assertThat(s.events(MessageEvent.SENT)).hasSize(total);
            assertThat(s.events(MessageEvent.DELETED)).hasSize(total);
            assertThat(s.events(MessageEvent.DELIVERED)).extracting(LedgerEntry.Message::receiveCount)
                    .containsOnly(1);
            assertThat(s.attribute(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo("0");
            assertThat(s.attribute(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).isEqualTo("0");
        }
    }
}
