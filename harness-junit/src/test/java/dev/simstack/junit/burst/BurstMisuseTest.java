package dev.simstack.junit.burst;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import dev.simstack.junit.Burst;
import dev.simstack.junit.BurstBodies;
import dev.simstack.junit.BurstSpec;
import dev.simstack.junit.Bursts;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Misuse fails fast, naming the element that is wrong and the fix. */
class BurstMisuseTest {

    /** Methods carrying the annotations under test. */
    @SuppressWarnings("unused")
    static final class Misused {
        @Burst(requests = 10, over = "1s")
        void noTarget() {
        }

        @Burst(api = "shop", queue = "orders", requests = 10, over = "1s")
        void twoTargets() {
        }

        @Burst(api = "shop", requests = 10, over = "1s")
        void noRoute() {
        }

        @Burst(queue = "orders", route = "POST /orders", requests = 10, over = "1s")
        void routeOnAQueue() {
        }

        @Burst(queue = "orders", requests = 10)
        void requestsWithoutOver() {
        }

        @Burst(queue = "orders", rate = 5)
        void rateWithoutDuration() {
        }

        @Burst(queue = "orders", over = "1s")
        void overWithoutRequests() {
        }

        @Burst(queue = "orders", requests = 10, over = "1s", rate = 5, duration = "1s")
        void twoSizes() {
        }

        @Burst(queue = "orders")
        void noSize() {
        }

        @Burst(queue = "orders", requests = 10, over = "ten minutes")
        void unparsableDuration() {
        }

        @Burst(queue = "orders", requests = 10, over = "PT10M", body = "${id}")
        void unknownPlaceholder() {
        }

        @Burst(queue = "orders", requests = 10, over = "10m", bodies = NoDefaultConstructor.class)
        void generatorWithoutConstructor() {
        }

        @Burst(queue = "orders", requests = 10, over = "10m", body = "x", bodies = Fine.class)
        void bodyAndBodies() {
        }

        @Burst(queue = "orders", requests = 10, over = "10m", headers = "no colon")
        void badHeader() {
        }
    }

    /** A generator the burst cannot make. */
    public static final class NoDefaultConstructor implements BurstBodies {
        public NoDefaultConstructor(String prefix) {
        }

        @Override
        public String body(long n, Random random) {
            return "";
        }
    }

    /** A generator the burst can make. */
    public static final class Fine implements BurstBodies {
        @Override
        public String body(long n, Random random) {
            return "x";
        }
    }

    @Test
    void a_burst_needs_exactly_one_target() {
        assertMisuse("noTarget", "@Burst names no target: set api and route (api = \"shop\", route = \"POST"
                + " /orders\") for an API route, or queue (queue = \"orders\") for an SQS queue");
        assertMisuse("twoTargets", "@Burst(api = \"shop\", queue = \"orders\") names two targets: keep api (with"
                + " route) for an API route, or queue for an SQS queue");
        assertMisuse("noRoute", "@Burst(api = \"shop\") needs route, the route key to call, e.g. route = \"POST"
                + " /orders\"");
        assertMisuse("routeOnAQueue", "@Burst(queue = \"orders\", route = \"POST /orders\"): route is for API"
                + " bursts; remove it (a queue burst sends each body with SendMessage) or name the API with api");
    }

    @Test
    void a_burst_needs_exactly_one_size() {
        assertMisuse("requestsWithoutOver", "@Burst(requests = 10) needs over, the duration the requests are"
                + " spread over, e.g. over = \"10m\"");
        assertMisuse("rateWithoutDuration", "@Burst(rate = 5.0) needs duration, how long requests arrive at that"
                + " rate, e.g. duration = \"30s\"");
        assertMisuse("overWithoutRequests", "@Burst(over = \"1s\") needs requests, how many to send over it (1 or"
                + " more), e.g. requests = 1000; got requests = 0");
        assertMisuse("twoSizes", "@Burst sets both requests/over and rate/duration: keep one size, either requests"
                + " = N with over = \"10m\", or rate = R with duration = \"30s\"");
        assertMisuse("noSize", "@Burst has no size: set requests with over (requests = 1000, over = \"10m\"), or"
                + " rate with duration (rate = 50, duration = \"30s\")");
        assertMisuse("unparsableDuration", "@Burst(over = \"ten minutes\") is not a duration above 0: write 500ms,"
                + " 30s, 10m, 1h or ISO-8601 such as PT10M");
    }

    @Test
    void bodies_and_headers_must_be_usable() {
        assertMisuse("unknownPlaceholder", "@Burst(body) has an unknown placeholder ${id} in '${id}': use ${n}"
                + " (0-based index), ${seq} (1-based) or ${uuid}");
        assertMisuse("generatorWithoutConstructor", "@Burst(bodies = dev.simstack.junit.burst.BurstMisuseTest$"
                + "NoDefaultConstructor.class) cannot be instantiated: give it a public no-argument constructor,"
                + " and make it a top-level or static nested class");
        assertMisuse("bodyAndBodies", "@Burst sets both body and bodies = Fine.class: keep one, the template or the"
                + " generator");
        assertMisuse("badHeader", "@Burst(headers = \"no colon\") is not a header: write each as \"Name: value\","
                + " e.g. \"Content-Type: application/json\"");
    }

    @Test
    void an_unknown_api_lists_the_apis_there_are() {
        try (Stack stack = ShopStacks.shop(7).start()) {
            assertThatThrownBy(() -> Bursts.fire(stack, BurstSpec.api("shops", "POST /orders")
                    .withRequests(1, Duration.ofSeconds(1))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("burst on API 'shops': there is no API Gateway API named 'shops' in us-east-1; APIs"
                            + " there: shop. Declare it with StackConfig.withApi(ApiSpec.rest(\"shops\")), or create"
                            + " it before taking its handle.");
        }
    }

    @Test
    void a_route_the_api_does_not_have_lists_its_routes() {
        try (Stack stack = ShopStacks.lambdaShop(Duration.ZERO).start()) {
            assertThatThrownBy(() -> Bursts.fire(stack, BurstSpec.api("shop", "POST /orders/${n}")
                    .withRequests(1, Duration.ofSeconds(1))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("burst on API 'shop': 'POST /orders/0' is not a route of that API; its routes: GET"
                            + " /orders/{id}, PUT /orders/{id}. Set route to one of them, with path parameters filled"
                            + " in (e.g. GET /orders/${n} for GET /orders/{id})");
        }
    }

    @Test
    void a_header_the_http_client_sets_itself_is_refused() {
        try (Stack stack = ShopStacks.shop(7).start()) {
            assertThatThrownBy(() -> Bursts.fire(stack, BurstSpec.api("shop", "POST /orders")
                    .withRequests(1, Duration.ofSeconds(1)).withHeader("Host", "example.com")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("burst on API 'shop': header 'Host' is set by the HTTP client itself (as are"
                            + " Connection, Content-Length, Expect, Host and Upgrade); remove it");
        }
    }

    @Test
    void an_unknown_queue_lists_the_queues_there_are() {
        try (Stack stack = ShopStacks.shop(7).start()) {
            assertThatThrownBy(() -> Bursts.fire(stack, BurstSpec.queue("ordres")
                    .withRequests(1, Duration.ofSeconds(1))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("burst on queue 'ordres': there is no SQS queue named 'ordres' in us-east-1; queues"
                            + " there: orders. Declare it with StackConfig.withQueue(QueueSpec.named(\"ordres\")), or"
                            + " create it before taking its handle.");
        }
    }

    @Test
    void a_spec_without_a_size_says_how_to_give_it_one() {
        try (Stack stack = ShopStacks.shop(7).start()) {
            assertThatThrownBy(() -> Bursts.fire(stack, BurstSpec.queue("orders")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("burst on queue 'orders' has no size: give it withRequests(requests, over) or"
                            + " withRate(perSecond, duration)");
        }
    }

    private static void assertMisuse(String method, String message) {
        assertThatThrownBy(() -> BurstSpec.of(Misused.class.getDeclaredMethod(method).getAnnotation(Burst.class)))
                .as(method)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
