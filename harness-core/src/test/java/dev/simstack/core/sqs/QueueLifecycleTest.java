package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDeletedRecentlyException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.SqsException;

class QueueLifecycleTest {

    private final SqsTestSupport s = SqsTestSupport.start();

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void create_queue_answers_a_url_of_this_endpoint_and_account() {
        String url = s.createQueue("orders");
        assertThat(url).isEqualTo(s.stack.endpoint() + "/000000000000/orders");
        assertThat(s.sqs.getQueueUrl(b -> b.queueName("orders")).queueUrl()).isEqualTo(url);
        assertThat(s.stack.queue("orders").url()).isEqualTo(url);
    }

    @Test
    void create_queue_with_the_same_attributes_answers_the_same_url() {
        String first = s.createQueue("orders", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "60"));
        String again = s.createQueue("orders", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "60"));
        String withoutAttributes = s.createQueue("orders");
        assertThat(again).isEqualTo(first).isEqualTo(withoutAttributes);
    }

    @Test
    void fifo_queue_false_asks_for_a_standard_queue() {
        String url = s.createQueue("plain", Map.of(QueueAttributeName.FIFO_QUEUE, "false"));
        assertThat(s.createQueue("plain")).isEqualTo(url);
        assertThat(s.attribute(url, QueueAttributeName.FIFO_QUEUE)).isNull();
        assertThatThrownBy(() -> s.createQueue("maybe", Map.of(QueueAttributeName.FIFO_QUEUE, "maybe")))
                .isInstanceOf(software.amazon.awssdk.services.sqs.model.InvalidAttributeValueException.class);
    }

    @Test
    void create_queue_with_a_different_attribute_value_fails_with_queue_name_exists() {
        s.createQueue("orders", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "60"));
        assertThatThrownBy(() -> s.createQueue("orders", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "61")))
                .isInstanceOf(QueueNameExistsException.class)
                .satisfies(e -> assertThat(((SqsException) e).awsErrorDetails().errorCode())
                        .isEqualTo("QueueAlreadyExists"))
                .hasMessageContaining("different value for attribute VisibilityTimeout");
    }

    @Test
    void get_queue_url_of_a_missing_queue_fails_with_queue_does_not_exist() {
        assertThatThrownBy(() -> s.sqs.getQueueUrl(b -> b.queueName("missing")))
                .isInstanceOf(QueueDoesNotExistException.class)
                .satisfies(e -> assertThat(((SqsException) e).awsErrorDetails().errorCode())
                        .isEqualTo("AWS.SimpleQueueService.NonExistentQueue"))
                .satisfies(e -> assertThat(((SqsException) e).statusCode()).isEqualTo(400));
    }

    @Test
    void get_queue_url_for_another_owner_account_finds_nothing() {
        s.createQueue("orders");
        assertThatThrownBy(() -> s.sqs.getQueueUrl(b -> b.queueName("orders").queueOwnerAWSAccountId("111122223333")))
                .isInstanceOf(QueueDoesNotExistException.class);
    }

    @Test
    void invalid_queue_names_fail_with_invalid_parameter_value() {
        for (String bad : List.of("has space", "x".repeat(81), "orders.fifo")) {
            assertThatThrownBy(() -> s.createQueue(bad)).isInstanceOf(SqsException.class)
                    .satisfies(e -> assertThat(((SqsException) e).awsErrorDetails().errorCode())
                            .isEqualTo("InvalidParameterValue"));
        }
        assertThatThrownBy(() -> s.createQueue("plain", Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
                .hasMessageContaining("must end with .fifo suffix");
    }

    @Test
    void delete_queue_removes_it_and_the_name_is_blocked_for_60_seconds() {
        String url = s.createQueue("orders");
        s.sqs.deleteQueue(b -> b.queueUrl(url));
        assertThatThrownBy(() -> s.sqs.getQueueUrl(b -> b.queueName("orders")))
                .isInstanceOf(QueueDoesNotExistException.class);
        assertThatThrownBy(() -> s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x")))
                .isInstanceOf(QueueDoesNotExistException.class);
        assertThatThrownBy(() -> s.createQueue("orders")).isInstanceOf(QueueDeletedRecentlyException.class)
                .satisfies(e -> assertThat(((SqsException) e).awsErrorDetails().errorCode())
                        .isEqualTo("AWS.SimpleQueueService.QueueDeletedRecently"));
        s.advanceSeconds(60);
        assertThat(s.createQueue("orders")).isEqualTo(url);
    }

    @Test
    void list_queues_filters_by_prefix_in_name_order() {
        s.createQueue("b-orders");
        s.createQueue("a-orders");
        s.createQueue("audit");
        assertThat(s.sqs.listQueues().queueUrls()).hasSize(3);
        assertThat(s.sqs.listQueues(b -> b.queueNamePrefix("a")).queueUrls())
                .containsExactly(s.stack.queue("a-orders").url(), s.stack.queue("audit").url());
        assertThat(s.sqs.listQueues(b -> b.queueNamePrefix("zzz")).queueUrls()).isEmpty();
    }

    @Test
    void list_queues_paginates_with_max_results_and_next_token() {
        for (int i = 0; i < 5; i++) {
            s.createQueue("q" + i);
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListQueuesResponse page = s.sqs.listQueues(b -> b.maxResults(2).nextToken(next));
            seen.addAll(page.queueUrls());
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertThat(s.sqs.listQueuesPaginator(b -> b.maxResults(2)).queueUrls()).hasSize(5);
        assertThatThrownBy(() -> s.sqs.listQueues(b -> b.maxResults(1001)))
                .hasMessageContaining("MaxResults must be an integer between 1 and 1000");
    }

    @Test
    void each_region_has_its_own_queues() {
        s.createQueue("orders");
        try (SqsClient west = SqsClient.builder().endpointOverride(s.stack.endpoint()).region(Region.US_WEST_2)
                .credentialsProvider(() -> SqsTestSupport.CREDENTIALS).build()) {
            assertThat(west.listQueues().queueUrls()).isEmpty();
            String westUrl = west.createQueue(b -> b.queueName("orders").attributes(
                    Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "5"))).queueUrl();
            assertThat(west.getQueueAttributes(b -> b.queueUrl(westUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN)).isEqualTo("arn:aws:sqs:us-west-2:000000000000:orders");
        }
        assertThat(s.attribute(s.stack.queue("orders").url(), QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("30");
    }

    @Test
    void a_url_of_another_account_names_no_queue() {
        s.createQueue("orders");
        assertThatThrownBy(() -> s.sqs.sendMessage(b -> b.queueUrl(s.stack.endpoint() + "/111122223333/orders")
                .messageBody("x"))).isInstanceOf(QueueDoesNotExistException.class);
    }
}
