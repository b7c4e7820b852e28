package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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

    private static void assertInvalidParameterValue(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(SqsException.class).satisfies(e -> {
            SqsException error = (SqsException) e;
            assertThat(error.statusCode()).isEqualTo(400);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
            assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    @Test
    void a_queue_holds_at_most_50_tags() {
        String url = s.sqs.createQueue(b -> b.queueName("orders").tags(Map.of("team", "payments"))).queueUrl();
        Map<String, String> fifty = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            fifty.put("k" + i, "v");
        }
        assertInvalidParameterValue(() -> s.sqs.tagQueue(b -> b.queueUrl(url).tags(fifty)),
                "Too many tags added for queue orders.");
        assertThat(s.sqs.listQueueTags(b -> b.queueUrl(url)).tags()).containsOnlyKeys("team");
        fifty.remove("k0");
        s.sqs.tagQueue(b -> b.queueUrl(url).tags(fifty));
        s.sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of("team", "replaced")));
        assertThat(s.sqs.listQueueTags(b -> b.queueUrl(url)).tags()).hasSize(50);
    }

    @Test
    void tag_keys_have_1_to_128_characters_and_values_at_most_256() {
        String url = s.createQueue("orders");
        String keyRule = "Tag keys must be between 1 and 128 characters in length.";
        assertInvalidParameterValue(() -> s.sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of("k".repeat(129), "v"))),
                keyRule);
        assertInvalidParameterValue(() -> s.sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of("", "v"))), keyRule);
        assertInvalidParameterValue(() -> s.sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of("k", "v".repeat(257)))),
                "Tag values must be between 0 and 256 characters in length.");
        s.sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of("k".repeat(128), "v".repeat(256), "empty", "")));
        assertThat(s.sqs.listQueueTags(b -> b.queueUrl(url)).tags()).hasSize(2);
    }

    @Test
    void the_aws_prefix_is_reserved() {
        String url = s.createQueue("orders");
        assertInvalidParameterValue(() -> s.sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of("aws:team", "v"))),
                "Tag key aws:team is invalid. Reason: the aws: prefix is reserved for AWS use.");
        assertInvalidParameterValue(() -> s.sqs.createQueue(b -> b.queueName("other").tags(Map.of("aws:x", "v"))),
                "Tag key aws:x is invalid. Reason: the aws: prefix is reserved for AWS use.");
    }

    @Test
    void tag_queue_needs_a_tag_and_untag_queue_a_key() {
        String url = s.createQueue("orders");
        assertThatThrownBy(() -> s.sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of()))).isInstanceOf(SqsException.class)
                .satisfies(e -> assertThat(((SqsException) e).awsErrorDetails().errorCode()).isEqualTo("MissingParameter"))
                .satisfies(e -> assertThat(((SqsException) e).awsErrorDetails().errorMessage())
                        .isEqualTo("The request must contain the parameter Tags."));
        assertInvalidParameterValue(() -> s.sqs.untagQueue(b -> b.queueUrl(url).tagKeys(List.of())),
                "Tag keys must be between 1 and 128 characters in length.");
    }
}
