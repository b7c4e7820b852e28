package dev.simstack.assertions;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import dev.simstack.junit.Api;
import dev.simstack.junit.Burst;
import dev.simstack.junit.Queue;
import dev.simstack.junit.Route;
import dev.simstack.junit.SimStack;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The API assertions, from the ledger's API requests: five requests in a second at a stage throttled to one a
 * second with a burst of two, on a manual clock, are two accepted and three throttled, every run.
 */
@SimStack(queues = @Queue(name = "orders"),
        apis = @Api(name = "shop", routes = @Route(key = "POST /orders", queue = "orders"), rate = 1, burst = 2),
        clock = "manual", seed = 7)
class ApiAssertTest {

    @Test
    @Burst(api = "shop", route = "POST /orders", requests = 5, over = "1s", body = "{\"id\":\"${n}\"}")
    void counts_requests_throttles_and_statuses(Stack stack) {
        assertThat(stack).api("shop").hasRequests(5).hasThrottled(3).hasStatusCount(200, 2).hasStatusCount(429, 3);
    }

    @Test
    @Burst(api = "shop", route = "POST /orders", requests = 5, over = "1s", body = "{\"id\":\"${n}\"}")
    void counting_assertions_fail_with_the_statuses_and_the_last_requests(Stack stack) {
        String found = """
                Requests by status: {200=2, 429=3}
                The last requests (newest last):
                  POST /orders -> 200
                  POST /orders -> 200
                  POST /orders -> 429 (throttled)
                  POST /orders -> 429 (throttled)
                  POST /orders -> 429 (throttled)""";
        String api = "API shop (" + stack.api("shop").id() + ") in us-east-1";

        assertThatThrownBy(() -> assertThat(stack).api("shop").hasRequests(4))
                .hasMessage("Expecting " + api + " to have 4 requests\nbut it has 5.\n" + found);
        assertThatThrownBy(() -> assertThat(stack).api("shop").hasThrottled(0))
                .hasMessage("Expecting " + api + " to have 0 throttled requests\nbut it has 3.\n" + found);
        assertThatThrownBy(() -> assertThat(stack).api("shop").hasStatusCount(200, 5))
                .hasMessage("Expecting " + api + " to have 5 requests answered 200\nbut it has 2.\n" + found);
    }

    @Test
    void an_api_without_requests_has_none(Stack stack) {
        assertThat(stack).api("shop").hasRequests(0).hasThrottled(0);
        assertThatThrownBy(() -> assertThat(stack).api("shop").hasRequests(1)).hasMessage("Expecting API shop ("
                + stack.api("shop").id() + ") in us-east-1 to have 1 request\nbut it has 0.\nRequests by status: {}");
    }

    @Test
    @Burst(api = "shop", route = "POST /orders", requests = 5, over = "1s", body = "{\"id\":\"${n}\"}")
    void api_checks_retry_too(Stack stack) {
        assertThat(stack).api("shop").eventually().hasRequests(5);
        assertThatThrownBy(() -> assertThat(stack).api("shop").eventually(Duration.ofMillis(200)).hasThrottled(4))
                .hasMessageStartingWith("""
                        Not true in time: the check advanced the stack's manual clock by 200ms in 2 steps of 100ms,\
                         re-checking after each and failed every time. The last failure:
                        Expecting API shop (%s) in us-east-1 to have 4 throttled requests
                        but it has 3.""".formatted(stack.api("shop").id()));
    }
}
