package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.SqsException;

class QueueTagsTest {

    private final SqsTestSupport s = SqsTestSupport.start();

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void tags_given_at_creation_are_listed() {
        String url = s.sqs.createQueue(b -> b.queueName("orders").tags(Map.of("team", "payments", "env", "test")))
                .queueUrl();
        assertThat(s.sqs.listQueueTags(b -> b.queueUrl(url)).tags()).containsOnly(Map.entry("team", "payments"),
                Map.entry("env", "test"));
    }

    @Test
    void tag_queue_adds_and_overwrites_and_untag_queue_removes() {
        String url = s.createQueue("orders");
        assertThat(s.sqs.listQueueTags(b -> b.queueUrl(url)).tags()).isEmpty();
        s.sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of("a", "1", "b", "2")));
        s.sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of("a", "3")));
        assertThat(s.sqs.listQueueTags(b -> b.queueUrl(url)).tags()).containsOnly(Map.entry("a", "3"),
                Map.entry("b", "2"));
        s.sqs.untagQueue(b -> b.queueUrl(url).tagKeys("a", "missing"));
        assertThat(s.sqs.listQueueTags(b -> b.queueUrl(url)).tags()).containsOnly(Map.entry("b", "2"));
    }

    @Test
    void a_queue_holds_at_most_50_tags_with_valid_keys() {
        String url = s.createQueue("orders");
        Map<String, String> fifty = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            fifty.put("k" + i, "v");
        }
        s.sqs.tagQueue(b -> b.queueUrl(url).tags(fifty));
        assertThatThrownBy(() -> s.sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of("one-more", "v"))))
                .isInstanceOf(SqsException.class).hasMessageContaining("Too many tags");
        assertThatThrownBy(() -> s.sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of("aws:reserved", "v"))))
                .isInstanceOf(SqsException.class);
        assertThatThrownBy(() -> s.sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of("k", "v".repeat(257)))))
                .isInstanceOf(SqsException.class);
    }
}
