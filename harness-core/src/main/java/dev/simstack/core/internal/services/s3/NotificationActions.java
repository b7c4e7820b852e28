package dev.simstack.core.internal.services.s3;

import dev.simstack.core.AwsException;
import dev.simstack.core.AwsService;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.arn.ResourceArns;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.engine.QueueSink;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import dev.simstack.core.internal.protocol.restxml.RestXmlError;

/**
 * PutBucketNotificationConfiguration and GetBucketNotificationConfiguration. As S3 does, a put checks
 * each queue destination by sending it an {@code s3:TestEvent} (unless
 * {@code x-amz-skip-destination-validation: true}); a queue that does not exist or is in another region
 * fails the put with InvalidArgument "Unable to validate the following destination configurations".
 */
final class NotificationActions {

    private final S3Context s3;

    NotificationActions(S3Context s3) {
        this.s3 = s3;
    }

    void register(OperationTable<S3Operation> operations) {
        operations.put("PutBucketNotificationConfiguration", this::put);
        operations.put("GetBucketNotificationConfiguration", call -> RestOutput.xml(
                s3.store().bucket(call.bucket()).notifications().toXml()));
    }

    private RestOutput put(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        NotificationConfiguration configuration = NotificationConfiguration.parse(call.payload().readAll(),
                () -> s3.ids().versionId());
        if (!"true".equalsIgnoreCase(call.header("x-amz-skip-destination-validation"))) {
            for (NotificationConfiguration.Target target : configuration.targets()) {
                if (target.kind() == NotificationConfiguration.Kind.QUEUE) {
                    validate(bucket, target.arn(), call);
                }
            }
        }
        bucket.notifications(configuration);
        return RestOutput.ok();
    }

    private void validate(Bucket bucket, String queueArn, S3Call call) {
        ResourceRef queue = ResourceArns.of(AwsService.SQS, queueArn);
        String why = null;
        if (queue == null) {
            why = "The destination ARN is not an SQS queue ARN";
        } else if (!queue.region().equals(bucket.region())) {
            why = "The destination queue must be in the bucket's region, " + bucket.region();
        } else {
            try {
                sink().send(ResourceRef.fromArn(queueArn), s3.notifier().testEvent(bucket, call.requester()));
            } catch (AwsException | IllegalArgumentException e) {
                why = "Error: " + e.getMessage();
            }
        }
        if (why != null) {
            throw new RestXmlError("InvalidArgument", 400, "Unable to validate the following destination"
                    + " configurations").with("ArgumentName1", queueArn).with("ArgumentValue1", why);
        }
    }

    private QueueSink sink() {
        return s3.notifier().queues();
    }
}
