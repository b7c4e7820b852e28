package dev.simstack.junit.internal.backend;

import dev.simstack.core.BucketSpec;
import dev.simstack.junit.internal.SdkClients;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * Creates declared buckets through S3's API, with versioning, tagged with the run; deletes them emptied first (S3
 * refuses to delete a bucket that holds objects or versions).
 */
final class RemoteBuckets {

    private static final String DEFAULT_REGION = "us-east-1";

    private RemoteBuckets() {
    }

    static void create(List<BucketSpec> specs, RemoteTarget target, SdkClients clients, RemoteResources resources) {
        for (BucketSpec spec : specs) {
            String region = target.regionOf(spec.region());
            S3Client s3 = (S3Client) clients.client(S3Client.class, region);
            String name = target.name(spec.name());
            createTagged(s3, name, region, target, resources);
            if (spec.versioning()) {
                s3.putBucketVersioning(b -> b.bucket(name).versioningConfiguration(v -> v
                        .status(BucketVersioningStatus.ENABLED)));
            }
        }
    }

    /** Creates bucket {@code name} in {@code region}, tagged with the run, deleted (emptied first) with the rest. */
    static void createTagged(S3Client s3, String name, String region, RemoteTarget target,
            RemoteResources resources) {
        // us-east-1 takes no location constraint; every other region needs its own.
        if (region.equals(DEFAULT_REGION)) {
            s3.createBucket(b -> b.bucket(name));
        } else {
            s3.createBucket(b -> b.bucket(name).createBucketConfiguration(c -> c.locationConstraint(region)));
        }
        resources.created("bucket", name, region, () -> delete(s3, name));
        s3.putBucketTagging(b -> b.bucket(name).tagging(t -> t.tagSet(s -> s.key(RemoteStack.RUN_TAG)
                .value(target.runId()))));
    }

    /** Empties {@code bucket} of every object version and delete marker, then deletes it. */
    private static void delete(S3Client s3, String bucket) {
        for (var page : s3.listObjectVersionsPaginator(b -> b.bucket(bucket))) {
            List<ObjectIdentifier> objects = new ArrayList<>();
            for (ObjectVersion version : page.versions()) {
                objects.add(ObjectIdentifier.builder().key(version.key()).versionId(version.versionId()).build());
            }
            page.deleteMarkers().forEach(marker -> objects.add(ObjectIdentifier.builder().key(marker.key())
                    .versionId(marker.versionId()).build()));
            if (!objects.isEmpty()) {
                s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(objects)));
            }
        }
        s3.deleteBucket(b -> b.bucket(bucket));
    }
}
