package dev.simstack.core.internal.resources;

import dev.simstack.core.AppliedResources.Outcome;
import dev.simstack.core.AppliedResources.Resource;
import dev.simstack.core.BucketNotification;
import dev.simstack.core.BucketSpec;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.stack.Engine;
import dev.simstack.core.internal.services.s3.S3Service.NotificationTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * Declared buckets as S3 creates them: CreateBucket and PutBucketVersioning first, and their
 * notifications once the queues and functions they go to exist. A bucket that exists is kept as it is.
 */
final class DeclaredBuckets {

    private static final String TYPE = "AWS::S3::Bucket";

    private DeclaredBuckets() {
    }

    /** Creates the bucket unless it exists; answers whether it did. */
    static Resource create(Engine engine, BucketSpec bucket, String region) {
        if (engine.s3().hasBucket(bucket.name())) {
            return new Resource(bucket.name(), TYPE, region, bucket.name(), Outcome.EXISTED);
        }
        Declaration.run(bucket, region, "CreateBucket", () -> engine.s3().createBucket(bucket.name(), region));
        if (bucket.versioning()) {
            engine.s3().enableVersioning(bucket.name());
        }
        return new Resource(bucket.name(), TYPE, region, bucket.name(), Outcome.CREATED);
    }

    /**
     * Configures the notifications of a bucket {@link #create} made. As S3 checks a queue destination when
     * the configuration is put, each destination must exist in the bucket's region; no s3:TestEvent is
     * sent, so a declared queue starts empty.
     */
    static void notifications(Engine engine, BucketSpec bucket, String region) {
        if (bucket.notifications().isEmpty()) {
            return;
        }
        String account = engine.config().accountId();
        List<NotificationTarget> targets = new ArrayList<>();
        for (BucketNotification notification : bucket.notifications()) {
            boolean function = notification.destination() == BucketNotification.Destination.FUNCTION;
            checkDestination(engine, bucket, region, notification, function);
            ResourceRef target = function ? ResourceRef.function(region, account, notification.target())
                    : ResourceRef.queue(region, account, notification.target());
            targets.add(new NotificationTarget(function, target.arn(), notification.events(), notification.prefix(),
                    notification.suffix()));
        }
        Declaration.run(bucket, region, "PutBucketNotificationConfiguration",
                () -> engine.s3().putNotifications(bucket.name(), targets));
    }

    private static void checkDestination(Engine engine, BucketSpec bucket, String region,
            BucketNotification notification, boolean function) {
        boolean exists = function ? engine.lambda().hasFunction(region, notification.target())
                : engine.sqs().hasQueue(region, notification.target());
        if (!exists) {
            String kind = function ? "function" : "queue";
            List<String> known = function ? engine.lambda().functionNames().getOrDefault(region, List.of())
                    : engine.sqs().queueNames().getOrDefault(region, List.of());
            throw new IllegalArgumentException("declared bucket '" + bucket.name() + "' in " + region + " notifies "
                    + kind + " '" + notification.target() + "', which does not exist in " + region + " (its " + kind
                    + "s there: " + known + "); declare it with StackConfig.with"
                    + (function ? "Function" : "Queue") + " in the bucket's region");
        }
    }
}
