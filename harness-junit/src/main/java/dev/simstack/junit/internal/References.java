package dev.simstack.junit.internal;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.BucketNotification;
import dev.simstack.core.BucketSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.StackConfig;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every queue and function a route, an event source, a notification or a redrive policy names must be
 * declared too. Skipped when templates are applied: they may create what the annotations refer to, and the
 * engine reports what is still missing.
 */
final class References {

    private References() {
    }

    static void check(StackConfig config, String on) {
        if (!config.resourceFiles().isEmpty()) {
            return;
        }
        Set<String> queues = new TreeSet<>();
        config.queues().forEach(q -> queues.add(q.name()));
        Set<String> functions = new TreeSet<>();
        config.functions().forEach(f -> functions.add(f.name()));
        for (QueueSpec queue : config.queues()) {
            if (queue.deadLetterQueue() != null) {
                require(queues, "queue", queue.deadLetterQueue(), "@Queue(name = \"" + queue.name()
                        + "\") deadLetterQueue", on);
            }
        }
        for (ApiSpec api : config.apis()) {
            for (ApiSpec.Route route : api.routes()) {
                String where = "@Route(key = \"" + route.routeKey() + "\") of @Api(name = \"" + api.name() + "\")";
                boolean queue = route.integration().type().equals("sqs");
                require(queue ? queues : functions, queue ? "queue" : "function", route.integration().target(),
                        where, on);
            }
        }
        for (BucketSpec bucket : config.buckets()) {
            for (BucketNotification n : bucket.notifications()) {
                boolean queue = n.destination() == BucketNotification.Destination.QUEUE;
                require(queue ? queues : functions, queue ? "queue" : "function", n.target(),
                        "@Notification of @Bucket(name = \"" + bucket.name() + "\")", on);
            }
        }
        for (FunctionSpec function : config.functions()) {
            SqsEvents.check(function, queues, on);
        }
    }

    static void require(Set<String> declared, String kind, String name, String where, String on) {
        if (!declared.contains(name)) {
            throw new Misuse(on + ": " + where + " names " + kind + " '" + name + "', which the stack does not declare;"
                    + " declared " + kind + "s: " + declared + ". Declare it, e.g. @" + (kind.equals("queue") ? "Queue"
                            : "Function") + "(name = \"" + name + "\"), or fix the name.");
        }
    }
}
