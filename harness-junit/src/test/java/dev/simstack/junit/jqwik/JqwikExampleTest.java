package dev.simstack.junit.jqwik;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.QueueHandle;
import dev.simstack.junit.DocSnippets;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The jqwik example docs/junit.md shows, run as written; and a check that the page still shows it as it is here. */
class JqwikExampleTest {

    @Test
    void the_example_holds_for_every_try() {
        Kit.assertPassed(Kit.runOnJqwik(OrdersProperties.class), 1);
    }

    @Test
    void docs_show_the_example_as_it_is_here() {
        assertThat(DocSnippets.page("junit.md")).contains(DocSnippets.snippet(getClass(), "jqwik"));
    }

    // docs:jqwik-start
    @SimStack(queues = @Queue(name = "orders"))
    static class OrdersProperties {

        @Property(tries = 100)
        void every_order_sent_waits_in_the_queue(
                @ForAll @Size(max = 5) List<@AlphaChars @StringLength(min = 1, max = 20) String> orders,
                SqsClient sqs, @QueueUrl("orders") String ordersUrl, QueueHandle queue) {
            orders.forEach(order -> sqs.sendMessage(b -> b.queueUrl(ordersUrl).messageBody(order)));

            // Every try starts from the declared state: an empty queue.
            assertThat(queue.depth().visible()).isEqualTo(orders.size());
        }
    }
    // docs:jqwik-end
}
