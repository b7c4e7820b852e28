package dev.simstack.core.internal.services.s3;

import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every bucket of the stack. Bucket names are global across regions (one namespace per partition, as in
 * AWS), so unlike SQS state this is not kept per region; each bucket records its own region.
 */
final class S3Store {

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final String accountId;

    /** The buckets of the stack's account {@code accountId}. */
    S3Store(String accountId) {
        this.accountId = accountId;
    }

    /** The bucket, or NoSuchBucket. */
    Bucket bucket(String name) {
        Bucket bucket = name == null ? null : buckets.get(name);
        if (bucket == null) {
            throw S3Errors.noSuchBucket(name);
        }
        return bucket;
    }

    /** The bucket, or null. */
    Bucket find(String name) {
        return buckets.get(name);
    }

    /**
     * Creates a bucket; if it exists, S3 answers BucketAlreadyOwnedByYou except in us-east-1, where for
     * legacy compatibility it answers 200 and changes nothing. (One stack is one account, so
     * BucketAlreadyExists, "owned by someone else", cannot happen here.)
     *
     * @return the bucket, new or existing
     */
    synchronized Bucket create(String name, String region, Instant at) {
        Bucket existing = buckets.get(name);
        if (existing != null) {
            if (region.equals("us-east-1") && existing.region().equals("us-east-1")) {
                return existing;
            }
            throw new RestXmlError("BucketAlreadyOwnedByYou", 409, "Your previous request to create the named"
                    + " bucket succeeded and you already own it.").with("BucketName", name);
        }
        Bucket bucket = new Bucket(ResourceRef.bucket(region, accountId, name), at);
        buckets.put(name, bucket);
        return bucket;
    }

    /** Removes an empty bucket; BucketNotEmpty while it holds any version or delete marker. */
    void delete(String name) {
        Bucket bucket = bucket(name);
        synchronized (bucket) {
            if (!bucket.keys().isEmpty()) {
                throw new RestXmlError("BucketNotEmpty", 409, "The bucket you tried to delete is not empty")
                        .with("BucketName", name);
            }
            bucket.uploads().values().forEach(MultipartUpload::release);
            bucket.uploads().clear();
            buckets.remove(name, bucket);
        }
    }

    /** Every bucket, by name. */
    List<Bucket> all() {
        List<Bucket> all = new ArrayList<>(buckets.values());
        all.sort((a, b) -> a.name().compareTo(b.name()));
        return all;
    }

    /** Forgets every bucket and frees the bytes of its objects and uploads (the stack is stopping). */
    void clear() {
        release(detach());
    }

    /** Forgets every bucket, and answers them for {@link #release}. */
    List<Bucket> detach() {
        List<Bucket> old = new ArrayList<>(buckets.values());
        buckets.clear();
        return old;
    }

    /**
     * Frees the bytes of the objects and uploads of buckets no longer in the store: their scratch files are
     * deleted now (a reset), not only with the scratch directory at stop.
     */
    static void release(List<Bucket> detached) {
        for (Bucket bucket : detached) {
            synchronized (bucket) {
                bucket.keys().all().forEach(v -> {
                    if (v.content() != null) {
                        v.content().blob().release();
                    }
                });
                bucket.uploads().values().forEach(MultipartUpload::release);
            }
        }
    }
}
