package dev.simstack.junit.internal;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.BucketNotification;
import dev.simstack.core.BucketSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.IndexSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.StackConfig;
import dev.simstack.core.TableSpec;
import dev.simstack.junit.Api;
import dev.simstack.junit.Bucket;
import dev.simstack.junit.Function;
import dev.simstack.junit.Index;
import dev.simstack.junit.Notification;
import dev.simstack.junit.Queue;
import dev.simstack.junit.Route;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.Table;
import dev.simstack.junit.UsagePlan;
import java.util.List;
import java.util.Map;

/**
 * The resource annotations of a {@link SimStack} as the core's specs, one for one: each annotation element
 * becomes the {@code with*} of the same meaning, so the engine validates them with AWS's rules and messages.
 */
final class DeclaredSpecs {

    private DeclaredSpecs() {
    }

    static StackConfig declare(StackConfig config, SimStack stack, Class<?> testClass) {
        StackConfig declared = config;
        for (Queue queue : stack.queues()) {
            declared = declared.withQueue(queue(queue));
        }
        for (Table table : stack.tables()) {
            declared = declared.withTable(table(table));
        }
        for (Bucket bucket : stack.buckets()) {
            declared = declared.withBucket(bucket(bucket));
        }
        for (Function function : stack.functions()) {
            declared = declared.withFunction(FunctionSpecs.function(function, testClass));
        }
        for (Api api : stack.apis()) {
            declared = declared.withApi(api(api));
        }
        return declared;
    }

    static QueueSpec queue(Queue queue) {
        String where = "@Queue(name = \"" + queue.name() + "\")";
        if (queue.fifo() && !queue.name().endsWith(".fifo")) {
            throw new Misuse(where + " is fifo, but a FIFO queue's name must end in .fifo: name it \""
                    + queue.name() + ".fifo\"");
        }
        QueueSpec spec = QueueSpec.named(queue.name());
        spec = attribute(spec, "VisibilityTimeout", queue.visibilityTimeout());
        spec = attribute(spec, "DelaySeconds", queue.delaySeconds());
        spec = attribute(spec, "MessageRetentionPeriod", queue.messageRetentionPeriod());
        spec = attribute(spec, "MaximumMessageSize", queue.maximumMessageSize());
        spec = attribute(spec, "ReceiveMessageWaitTimeSeconds", queue.receiveMessageWaitTimeSeconds());
        if (queue.contentBasedDeduplication()) {
            spec = spec.withAttribute("ContentBasedDeduplication", "true");
        }
        for (Map.Entry<String, String> e : KeyValues.parse(queue.attributes(), where + " attributes").entrySet()) {
            spec = spec.withAttribute(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String> e : KeyValues.parse(queue.tags(), where + " tags").entrySet()) {
            spec = spec.withTag(e.getKey(), e.getValue());
        }
        if (!queue.deadLetterQueue().isEmpty()) {
            if (queue.maxReceiveCount() < 1 || queue.maxReceiveCount() > 1000) {
                throw new Misuse(where + " has deadLetterQueue = \"" + queue.deadLetterQueue() + "\" but maxReceiveCount = "
                        + queue.maxReceiveCount() + ": a redrive policy needs maxReceiveCount from 1 to 1000, e.g."
                        + " maxReceiveCount = 3");
            }
            spec = spec.withDeadLetterQueue(queue.deadLetterQueue(), queue.maxReceiveCount());
        } else if (queue.maxReceiveCount() != 0) {
            throw new Misuse(where + " has maxReceiveCount = " + queue.maxReceiveCount() + " but no deadLetterQueue:"
                    + " name the queue that receives the messages, e.g. deadLetterQueue = \"" + queue.name() + "-dlq\"");
        }
        return queue.region().isEmpty() ? spec : spec.inRegion(queue.region());
    }

    private static QueueSpec attribute(QueueSpec spec, String name, int value) {
        return value < 0 ? spec : spec.withAttribute(name, Integer.toString(value));
    }

    static TableSpec table(Table table) {
        TableSpec spec = TableSpec.named(table.name()).withPartitionKey(table.partitionKey(), table.partitionKeyType());
        if (!table.sortKey().isEmpty()) {
            spec = spec.withSortKey(table.sortKey(), table.sortKeyType());
        }
        for (Index index : table.globalIndexes()) {
            spec = spec.withGlobalSecondaryIndex(index(index, table, "globalIndexes"));
        }
        for (Index index : table.localIndexes()) {
            spec = spec.withLocalSecondaryIndex(index(index, table, "localIndexes"));
        }
        if (table.stream().length > 1) {
            throw new Misuse("@Table(name = \"" + table.name() + "\") names " + table.stream().length
                    + " stream view types: a table has one stream; keep one of " + List.of(table.stream()));
        }
        if (table.stream().length == 1) {
            spec = spec.withStream(table.stream()[0]);
        }
        if (!table.timeToLive().isEmpty()) {
            spec = spec.withTimeToLive(table.timeToLive());
        }
        if (table.replicas().length > 0) {
            spec = spec.withReplicas(table.replicas());
        }
        if (table.readCapacity() > 0 || table.writeCapacity() > 0) {
            spec = spec.withProvisionedThroughput(table.readCapacity(), table.writeCapacity());
        }
        return table.region().isEmpty() ? spec : spec.inRegion(table.region());
    }

    private static IndexSpec index(Index index, Table table, String element) {
        IndexSpec spec = IndexSpec.named(index.name());
        String partitionKey = index.partitionKey();
        if (partitionKey.isEmpty() && element.equals("localIndexes")) {
            partitionKey = table.partitionKey();
        }
        if (partitionKey.isEmpty()) {
            throw new Misuse("@Index(name = \"" + index.name() + "\") in " + element + " of @Table(name = \""
                    + table.name() + "\") has no partitionKey: a global secondary index needs one");
        }
        spec = spec.withPartitionKey(partitionKey, index.partitionKeyType());
        if (!index.sortKey().isEmpty()) {
            spec = spec.withSortKey(index.sortKey(), index.sortKeyType());
        }
        switch (index.projection()) {
            case KEYS_ONLY:
                return spec.withKeysOnlyProjection();
            case INCLUDE:
                return spec.withIncludedAttributes(index.include());
            default:
                return spec;
        }
    }

    static BucketSpec bucket(Bucket bucket) {
        BucketSpec spec = BucketSpec.named(bucket.name());
        if (bucket.versioning()) {
            spec = spec.withVersioning();
        }
        for (Notification notification : bucket.notifications()) {
            spec = spec.withNotification(notification(notification, bucket));
        }
        return bucket.region().isEmpty() ? spec : spec.inRegion(bucket.region());
    }

    private static BucketNotification notification(Notification notification, Bucket bucket) {
        boolean toQueue = !notification.queue().isEmpty();
        if (toQueue == !notification.function().isEmpty()) {
            throw new Misuse("a @Notification of @Bucket(name = \"" + bucket.name() + "\") must name exactly one of"
                    + " queue or function, e.g. @Notification(queue = \"uploads\")");
        }
        BucketNotification spec = toQueue ? BucketNotification.toQueue(notification.queue(), notification.events())
                : BucketNotification.toFunction(notification.function(), notification.events());
        if (!notification.prefix().isEmpty()) {
            spec = spec.withPrefix(notification.prefix());
        }
        return notification.suffix().isEmpty() ? spec : spec.withSuffix(notification.suffix());
    }

    static ApiSpec api(Api api) {
        ApiSpec spec = api.kind() == ApiSpec.Kind.REST ? ApiSpec.rest(api.name()) : ApiSpec.http(api.name());
        if (!api.stage().isEmpty()) {
            spec = spec.withStage(api.stage());
        }
        for (Route route : api.routes()) {
            spec = spec.withRoute(new ApiSpec.Route(route.key(), integration(route, api), route.apiKeyRequired(),
                    route.rate(), route.burst()));
        }
        if (api.rate() > 0) {
            spec = spec.withThrottle(api.rate(), api.burst());
        } else if (api.burst() > 0) {
            throw new Misuse("@Api(name = \"" + api.name() + "\") has burst = " + api.burst() + " but no rate: a stage"
                    + " throttle needs both, e.g. rate = 100, burst = " + api.burst());
        }
        for (UsagePlan plan : api.usagePlans()) {
            spec = spec.withUsagePlan(new ApiSpec.UsagePlan(plan.name(), plan.rate(), plan.burst(), plan.quotaLimit(),
                    plan.quotaPeriod(), List.of(plan.apiKeys())));
        }
        return api.region().isEmpty() ? spec : spec.inRegion(api.region());
    }

    private static ApiSpec.Integration integration(Route route, Api api) {
        boolean toQueue = !route.queue().isEmpty();
        if (toQueue == !route.function().isEmpty()) {
            throw new Misuse("@Route(key = \"" + route.key() + "\") of @Api(name = \"" + api.name() + "\") must name"
                    + " exactly one of queue or function, e.g. @Route(key = \"" + route.key()
                    + "\", queue = \"orders\")");
        }
        return toQueue ? ApiSpec.Integration.sqs(route.queue()) : ApiSpec.Integration.lambda(route.function());
    }
}
