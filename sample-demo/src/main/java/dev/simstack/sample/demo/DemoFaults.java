package dev.simstack.sample.demo;

import dev.simstack.core.AwsService;
import dev.simstack.fault.DuplicateDelivery;
import dev.simstack.fault.FaultError;
import dev.simstack.fault.FaultPlan;
import dev.simstack.fault.FaultRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults the demo runs under: duplicate delivery on the orders queue and throttling of the orders table,
 * each at its rate. The plan has no seed of its own, so it draws from the stack's: the same seed faults the same
 * messages and calls (on a manual clock).
 */
final class DemoFaults {

    private DemoFaults() {
    }

    static FaultPlan plan(DemoOptions options) {
        FaultPlan plan = FaultPlan.none();
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
        if (options.duplicateRate() > 0) {
            on.add(percent(options.duplicateRate()) + " of the orders queue's messages delivered twice");
        }
        if (options.throttleRate() > 0) {
            on.add(percent(options.throttleRate()) + " of DynamoDB calls on the orders table throttled");
        }
        return on.isEmpty() ? "none" : String.join("; ", on);
    }

    private static String percent(double rate) {
        double percent = rate * 100;
        return (percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent)) + "%";
    }
}
