package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeNameException;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeValueException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

class QueueAttributesTest {

    private final SqsTestSupport s = SqsTestSupport.start();

    @AfterEach
    void close() {
        s.close();
    }

    private Map<QueueAttributeName, String> all(String url) {
        return s.sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributes();
    }

    @Test
    void a_standard_queue_has_awss_defaults() {
        String url = s.createQueue("orders");
        long createdSeconds = s.stack.clock().now().getEpochSecond();
        assertThat(all(url)).containsOnly(
                entry(QueueAttributeName.QUEUE_ARN, "arn:aws:sqs:us-east-1:000000000000:orders"),
                entry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"),
                entry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"),
                entry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, "0"),
                entry(QueueAttributeName.CREATED_TIMESTAMP, Long.toString(createdSeconds)),
                entry(QueueAttributeName.LAST_MODIFIED_TIMESTAMP, Long.toString(createdSeconds)),
                entry(QueueAttributeName.VISIBILITY_TIMEOUT, "30"),
                entry(QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "1048576"),
                entry(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "345600"),
                entry(QueueAttributeName.DELAY_SECONDS, "0"),
                entry(QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "0"),
                entry(QueueAttributeName.SQS_MANAGED_SSE_ENABLED, "true"));
    }

    @Test
    void a_fifo_queue_adds_its_fifo_attributes() {
        String url = s.createQueue("orders.fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
        assertThat(all(url)).contains(entry(QueueAttributeName.FIFO_QUEUE, "true"),
                entry(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false"),
                entry(QueueAttributeName.DEDUPLICATION_SCOPE, "queue"),
                entry(QueueAttributeName.FIFO_THROUGHPUT_LIMIT, "perQueue"));
    }

    @Test
    void named_attributes_return_only_those_and_none_returns_nothing() {
        String url = s.createQueue("orders");
        assertThat(s.sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.DELAY_SECONDS,
                QueueAttributeName.QUEUE_ARN)).attributes()).containsOnlyKeys(QueueAttributeName.DELAY_SECONDS,
                QueueAttributeName.QUEUE_ARN);
        assertThat(s.sqs.getQueueAttributes(b -> b.queueUrl(url)).attributes()).isEmpty();
        assertThatThrownBy(() -> s.sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("Bogus")))
                .isInstanceOf(InvalidAttributeNameException.class).hasMessageContaining("Unknown Attribute Bogus.");
    }

    @Test
    void set_queue_attributes_changes_values_and_last_modified_timestamp() {
        String url = s.createQueue("orders");
        s.advanceSeconds(100);
        s.sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "45",
                QueueAttributeName.DELAY_SECONDS, "10", QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "20")));
        Map<QueueAttributeName, String> attributes = all(url);
        assertThat(attributes).contains(entry(QueueAttributeName.VISIBILITY_TIMEOUT, "45"),
                entry(QueueAttributeName.DELAY_SECONDS, "10"),
                entry(QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "20"));
        assertThat(Long.parseLong(attributes.get(QueueAttributeName.LAST_MODIFIED_TIMESTAMP)))
                .isEqualTo(Long.parseLong(attributes.get(QueueAttributeName.CREATED_TIMESTAMP)) + 100);
    }

    @Test
    void values_outside_awss_ranges_fail_with_invalid_attribute_value() {
        String url = s.createQueue("orders");
        Map<QueueAttributeName, String> invalid = Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "43201",
                QueueAttributeName.DELAY_SECONDS, "901", QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "1023",
                QueueAttributeName.MESSAGE_RETENTION_PERIOD, "59",
                QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "21",
                QueueAttributeName.KMS_DATA_KEY_REUSE_PERIOD_SECONDS, "59");
        invalid.forEach((name, value) -> assertThatThrownBy(() -> s.sqs.setQueueAttributes(b -> b.queueUrl(url)
                .attributes(Map.of(name, value)))).as(name + "=" + value)
                .isInstanceOf(InvalidAttributeValueException.class)
                .hasMessageContaining("Invalid value for the parameter " + name));
        assertThatThrownBy(() -> s.sqs.setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(
                Map.of("VisibilityTimeout", "soon")))).isInstanceOf(InvalidAttributeValueException.class);
        assertThatThrownBy(() -> s.createQueue("other", Map.of(QueueAttributeName.DELAY_SECONDS, "-1")))
                .isInstanceOf(InvalidAttributeValueException.class);
    }

    @Test
    void boundary_values_are_accepted() {
        String url = s.createQueue("orders", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "43200",
                QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "1048576", QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                "1209600", QueueAttributeName.DELAY_SECONDS, "900"));
        assertThat(all(url)).contains(entry(QueueAttributeName.VISIBILITY_TIMEOUT, "43200"),
                entry(QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "1048576"));
    }

    @Test
    void unknown_read_only_and_fifo_only_attributes_fail_with_invalid_attribute_name() {
        String url = s.createQueue("orders");
        for (String name : new String[] {"Bogus", "QueueArn", "ApproximateNumberOfMessages",
                "ContentBasedDeduplication", "FifoQueue"}) {
            assertThatThrownBy(() -> s.sqs.setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(
                    Map.of(name, "true")))).as(name).isInstanceOf(InvalidAttributeNameException.class);
        }
    }

    @Test
    void fifo_attributes_are_validated() {
        String url = s.createQueue("orders.fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
        s.sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.DEDUPLICATION_SCOPE,
                "messageGroup", QueueAttributeName.FIFO_THROUGHPUT_LIMIT, "perMessageGroupId",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true")));
        assertThat(all(url)).contains(entry(QueueAttributeName.FIFO_THROUGHPUT_LIMIT, "perMessageGroupId"));
        assertThatThrownBy(() -> s.sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(
                QueueAttributeName.DEDUPLICATION_SCOPE, "queue")))).isInstanceOf(InvalidAttributeValueException.class);
        assertThatThrownBy(() -> s.sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(
                QueueAttributeName.DEDUPLICATION_SCOPE, "everything")))).isInstanceOf(
                InvalidAttributeValueException.class);
    }

    @Test
    void kms_encryption_replaces_sqs_managed_encryption() {
        String url = s.createQueue("orders", Map.of(QueueAttributeName.KMS_MASTER_KEY_ID, "alias/aws/sqs"));
        assertThat(all(url)).contains(entry(QueueAttributeName.KMS_MASTER_KEY_ID, "alias/aws/sqs"),
                entry(QueueAttributeName.KMS_DATA_KEY_REUSE_PERIOD_SECONDS, "300"),
                entry(QueueAttributeName.SQS_MANAGED_SSE_ENABLED, "false"));
    }

    @Test
    void policy_must_be_a_json_document_and_empty_clears_it() {
        String url = s.createQueue("orders");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
        s.sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY, policy)));
        assertThat(s.attribute(url, QueueAttributeName.POLICY)).isEqualTo(policy);
        s.sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY, "")));
        assertThat(s.attribute(url, QueueAttributeName.POLICY)).isNull();
        assertThatThrownBy(() -> s.sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(
                QueueAttributeName.POLICY, "not json")))).isInstanceOf(InvalidAttributeValueException.class);
    }

    @Test
    void add_and_remove_permission_edit_the_policy() {
        String url = s.createQueue("orders");
        s.sqs.addPermission(b -> b.queueUrl(url).label("send").awsAccountIds("111122223333").actions("SendMessage"));
        assertThat(s.attribute(url, QueueAttributeName.POLICY)).contains("\"Sid\":\"send\"")
                .contains("arn:aws:iam::111122223333:root").contains("SQS:SendMessage");
        assertThatThrownBy(() -> s.sqs.addPermission(b -> b.queueUrl(url).label("send").awsAccountIds("1")
                .actions("ReceiveMessage"))).isInstanceOf(SqsException.class);
        s.sqs.removePermission(b -> b.queueUrl(url).label("send"));
        assertThat(s.attribute(url, QueueAttributeName.POLICY)).isNull();
    }

    @Test
    void counts_reflect_visible_in_flight_and_delayed_messages() {
        String url = s.createQueue("orders");
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("visible"));
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("received"));
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("delayed").delaySeconds(60));
        s.sqs.receiveMessage(b -> b.queueUrl(url));
        Map<QueueAttributeName, String> attributes = all(url);
        assertThat(attributes).contains(entry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "1"),
                entry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "1"),
                entry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, "1"));
        s.advanceSeconds(60);
        assertThat(all(url)).contains(entry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "3"),
                entry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"),
                entry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, "0"));
    }
}
