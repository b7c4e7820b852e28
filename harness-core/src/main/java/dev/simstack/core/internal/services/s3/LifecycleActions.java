package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import dev.simstack.core.internal.protocol.restxml.RestXmlError;

/**
 * PutBucketLifecycleConfiguration, GetBucketLifecycleConfiguration and DeleteBucketLifecycle. A put
 * replaces the whole configuration and sets the expiry timers of the bucket's current objects.
 */
final class LifecycleActions {

    private final S3Context s3;

    LifecycleActions(S3Context s3) {
        this.s3 = s3;
    }

    void register(OperationTable<S3Operation> operations) {
        operations.put("PutBucketLifecycleConfiguration", call -> {
            Bucket bucket = s3.store().bucket(call.bucket());
            bucket.lifecycle(LifecycleConfiguration.parse(call.payload().readAll(), () -> s3.ids().versionId()));
            LifecycleExpiry.trackAll(s3, bucket);
            return RestOutput.ok();
        });
        operations.put("GetBucketLifecycleConfiguration", call -> {
            LifecycleConfiguration configuration = s3.store().bucket(call.bucket()).lifecycle();
            if (configuration == null) {
                throw new RestXmlError("NoSuchLifecycleConfiguration", 404, "The lifecycle configuration does not"
                        + " exist").with("BucketName", call.bucket());
            }
            return RestOutput.xml(configuration.xml());
        });
        operations.put("DeleteBucketLifecycle", call -> {
            s3.store().bucket(call.bucket()).lifecycle(null);
            return RestOutput.ok().status(204);
        });
    }
}
