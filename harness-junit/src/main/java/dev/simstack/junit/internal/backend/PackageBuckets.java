package dev.simstack.junit.internal.backend;

import dev.simstack.junit.internal.SdkClients;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where packages too big for a direct upload go: Lambda takes a package above 50 MB zipped only from an S3 object
 * in the function's region, so the run gets one bucket per region, {@code simstack-<run id>-packages-<region>}
 * (prefixed on every backend, since the declared buckets must keep their names), tagged with the run, emptied and
 * deleted after the class. Each package is put once per region, however many functions it serves.
 */
final class PackageBuckets {

    private final RemoteTarget target;
    private final SdkClients clients;
    private final RemoteResources resources;
    private final Map<String, String> buckets = new HashMap<>();
    private final Map<Upload, String> uploaded = new HashMap<>();

    PackageBuckets(RemoteTarget target, SdkClients clients, RemoteResources resources) {
        this.target = target;
        this.clients = clients;
        this.resources = resources;
    }

    /** The S3 location of {@code code} in {@code region}, put there first if it is not yet. */
    Location upload(FunctionPackage code, String function, String region) {
        String bucket = buckets.computeIfAbsent(region, this::createBucket);
        String key = uploaded.computeIfAbsent(new Upload(region, code), upload -> {
            String name = function + ".zip";
            s3(region).putObject(b -> b.bucket(bucket).key(name).tagging(RemoteStack.RUN_TAG + "=" + target.runId()),
                    RequestBody.fromBytes(code.zip()));
            return name;
        });
        return new Location(bucket, key);
    }

    /** A package's bucket and key. */
    record Location(String bucket, String key) {
    }

    /** A package put in a region (packages are equal only to themselves). */
    private record Upload(String region, FunctionPackage code) {
    }

    private String createBucket(String region) {
        String name = "simstack-" + target.runId() + "-packages-" + region;
        RemoteBuckets.createTagged(s3(region), name, region, target, resources);
        return name;
    }

    private S3Client s3(String region) {
        return (S3Client) clients.client(S3Client.class, region);
    }
}
