package dev.simstack.junit.burst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.junit.Burst;
import dev.simstack.junit.BurstResult;
import dev.simstack.junit.BurstSpec;
import dev.simstack.junit.Bursts;
import dev.simstack.junit.DocSnippets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The examples docs/junit.md shows, run as written; and a check that the page still shows them as they are here. */
class BurstExampleTest {

    // docs:burst-annotation-start
    @Burst(api = "shop", route = "POST /orders", requests = 1000, over = "10m",
            body = "{\"id\":\"${uuid}\",\"seq\":${seq}}", headers = "Content-Type: application/json")
    void survivesTheBurst() {
    }
    // docs:burst-annotation-end

    @Test
    void the_annotation_and_the_spec_say_the_same() throws Exception {
        BurstSpec spec = BurstSpec.of(getClass().getDeclaredMethod("survivesTheBurst").getAnnotation(Burst.class));

        assertThat(spec.requests()).isEqualTo(1000);
        assertThat(spec.span()).isEqualTo(Duration.ofMinutes(10));
        assertThat(spec.headers()).containsEntry("Content-Type", "application/json");
        assertThat(spec).hasToString("burst POST /orders on shop: 1000 requests over PT10M, uniform arrivals");
    }

    @Test
    void a_burst_in_code_throttles_as_the_token_bucket_says() {
        // docs:burst-start
        StackConfig shop = StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(7)
                .withQueue(QueueSpec.named("orders"))
                .withApi(ApiSpec.rest("shop")
                        .withRoute("POST /orders", ApiSpec.Integration.sqs("orders"))
                        .withThrottle(100, 50));
        try (Stack stack = shop.start()) {
            BurstResult burst = Bursts.fire(stack, BurstSpec.api("shop", "POST /orders")
                    .withRequests(1000, Duration.ofSeconds(1))
                    .withBody("{\"id\":\"${uuid}\",\"seq\":${seq}}"));

            // A full bucket of 50, then 0.1 token per millisecond: the same 149 every run.
            assertThat(burst.accepted()).as("%s", burst).isEqualTo(149);
            assertThat(burst.throttled()).isEqualTo(851);
            assertThat(stack.queue("orders").depth().visible()).isEqualTo(149);
        }
        // docs:burst-end
    }

    @Test
    void docs_show_the_examples_as_they_are_here() {
        assertThat(DocSnippets.page("junit.md")).contains(DocSnippets.snippet(getClass(), "burst-annotation"))
                .contains(DocSnippets.snippet(getClass(), "burst"));
    }
}
