package dev.simstack.core.internal.stack;

import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.services.dynamodb.S3Objects;
import dev.simstack.core.internal.services.s3.BucketView;
import dev.simstack.core.internal.services.s3.S3Service;
import java.util.List;
import java.util.function.Supplier;

/**
 * DynamoDB's exports and imports reach the stack's S3 in-process: reads through the bucket's view, writes
 * through S3's typed port (so they are ordinary PutObjects: ledger entries, notifications). S3 is asked for
 * lazily, on the first export or import, like every service of the stack.
 */
final class S3ForDynamoDb implements S3Objects {

    private final Supplier<S3Service> s3;
    private final String accountId;

    S3ForDynamoDb(Supplier<S3Service> s3, String accountId) {
        this.s3 = s3;
        this.accountId = accountId;
    }

    @Override
    public boolean bucketExists(String bucket) {
        return s3.get().hasBucket(bucket);
    }

    @Override
    public List<String> keys(String bucket, String prefix) {
        BucketView view = s3.get().view(bucket);
        return view == null ? List.of() : view.keys().stream().filter(key -> key.startsWith(prefix)).toList();
    }

    @Override
    public byte[] content(String bucket, String key) {
        BucketView view = s3.get().view(bucket);
        return view == null ? null : view.content(key);
    }

    @Override
    public String put(String region, String bucket, String key, byte[] bytes, String contentType) {
        BucketView view = s3.get().view(bucket);
        // the bucket's own region names it in the ledger, wherever the table is
        String bucketRegion = view == null ? region : view.region();
        String etag = s3.get().port().putObject(ResourceRef.bucket(bucketRegion, accountId, bucket), key, bytes,
                contentType, java.util.Map.of(), false).etag();
        return etag.startsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }
}
