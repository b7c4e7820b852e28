package dev.simstack.junit.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.simstack.core.TableHandle;
import dev.simstack.junit.Named;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The app's own SAM template, found next to this class on the test class path. */
// docs:template-start
@SimStack(template = "template.yaml")
class FromTheTemplateTest {
    @Test
    void theTemplatesWorkerStoresWhatTheQueueCarries(SqsClient sqs, @QueueUrl("orders") String orders,
            @Named("orders") TableHandle table) {
        sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"id\":\"7\"}"));

        await().atMost(Duration.ofSeconds(10)).until(() -> table.itemCount() == 1);
        assertThat(table.item(Map.of("id", "7")))
                .hasValueSatisfying(item -> assertThat(item).containsEntry("body", "{\"id\":\"7\"}"));
    }
}
// docs:template-end
