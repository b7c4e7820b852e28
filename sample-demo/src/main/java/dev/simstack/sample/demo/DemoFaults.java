package dev.simstack.sample.demo;

import dev.simstack.core.AwsService;
import dev.simstack.fault.DuplicateDelivery;
import dev.simstack.fault.FaultError;
import dev.simstack.fault.FaultPlan;
import dev.simstack.fault.FaultRule;
import dev.simstack.fault.HandlerTimeout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults the demo runs under: duplicate delivery on the orders queue and throttling of the orders table,
 * each at its rate. The plan has no seed of its own, so it draws from the stack's: the same seed faults the same
 * messages and calls (on a manual clock).
 *
 * <p>The plan also gives the handlers the time their work takes on AWS. In the stack's JVM a handler's calls take
 * microseconds of wall time and none of the stack's clock, so on a manual clock every order would be paid at the
 * instant it was placed, one at a time, and the queue never grow. A delay on the stack's clock before each handler
 * runs ({@link HandlerTimeout#delayed}) stands for its calls: {@link #API_TIME} for the API's validation, write
 * and send; {@link #WORKER_TIME} for the worker's payment call and writes, and {@link #SLOW_PAYMENT_TIME} for the
 * share {@link #SLOW_PAYMENT_RATE} of its invocations that meet a slow payment provider.
 */
final class DemoFaults {

    static final Duration API_TIME = Duration.ofMillis(40);
    static final Duration WORKER_TIME = Duration.ofMillis(400);
    static final Duration SLOW_PAYMENT_TIME = Duration.ofSeconds(3);
    static final double SLOW_PAYMENT_RATE = 0.1;

    private DemoFaults() {
    }

    static FaultPlan plan(DemoOptions options) {
        // The longest delay a hook asks for wins: a slow payment replaces the worker's usual time.
        FaultPlan plan = FaultPlan.none().with(HandlerTimeout.delayed(Demo.API_FUNCTION, API_TIME),
                HandlerTimeout.delayed(Demo.WORKER, WORKER_TIME),
                HandlerTimeout.delayed(Demo.WORKER, SLOW_PAYMENT_TIME).withProbability(SLOW_PAYMENT_RATE));
        if (options.duplicateRate() > 0) {
            // AFTER_DELETE, the default: the worker deletes the message and it comes back, as SQS's at-least-once
            // delivery allows; the worker must pay the order only once.
            plan = plan.with(DuplicateDelivery.on(Demo.QUEUE).withProbability(options.duplicateRate()));
        }
        if (options.throttleRate() > 0) {
            // Every operation on the table (the API's PutItem, the worker's UpdateItem): the SDK retries them.
            plan = plan.with(FaultRule.error(AwsService.DYNAMODB, "*", FaultError.throttle(AwsService.DYNAMODB))
                    .withResource(Demo.TABLE).withProbability(options.throttleRate()));
        }
        return plan;
    }

    static String describe(DemoOptions options) {
        List<String> on = new ArrayList<>();
        on.add("handlers take " + RunSummary.human(API_TIME) + " (API) and " + RunSummary.human(WORKER_TIME)
                + " (worker; " + percent(SLOW_PAYMENT_RATE) + " " + RunSummary.human(SLOW_PAYMENT_TIME)
                + ": a slow payment provider) of the stack's clock");
        if (options.duplicateRate() > 0) {
            on.add(percent(options.duplicateRate()) + " of the orders queue's messages delivered twice");
        }
        if (options.throttleRate() > 0) {
            on.add(percent(options.throttleRate()) + " of DynamoDB calls on the orders table throttled");
        }
        return String.join("; ", on);
    }

    private static String percent(double rate) {
        double percent = rate * 100;
        return (percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent)) + "%";
    }
}
