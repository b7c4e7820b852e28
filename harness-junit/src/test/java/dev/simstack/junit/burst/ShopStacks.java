package dev.simstack.junit.burst;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.StackConfig;
import java.time.Duration;

/** The stacks the burst tests start: an API in front of a queue, and one in front of a function. */
final class ShopStacks {

    private ShopStacks() {
    }

    /** POST /orders into queue "orders", throttled at 100 requests per second with a burst of 50; a manual clock. */
    static StackConfig shop(long seed) {
        return StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(seed)
                .withQueue(QueueSpec.named("orders"))
                .withApi(ApiSpec.rest("shop")
                        .withRoute("POST /orders", ApiSpec.Integration.sqs("orders"))
                        .withThrottle(100, 50));
    }

    /** GET and PUT /orders/{id} served by a Lambda proxy function, with an optional cold-start delay. */
    static StackConfig lambdaShop(Duration coldStart) {
        return StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(7)
                .withFunction(FunctionSpec.named("order-api", OrderApiHandler.class).withColdStartDelay(coldStart))
                .withApi(ApiSpec.http("shop")
                        .withRoute("GET /orders/{id}", ApiSpec.Integration.lambda("order-api"))
                        .withRoute("PUT /orders/{id}", ApiSpec.Integration.lambda("order-api")));
    }
}
