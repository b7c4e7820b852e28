package dev.simstack.core.internal.services.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.persist.BlobSink;
import dev.simstack.core.internal.persist.BlobSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * S3 state for a data directory: every bucket with its configuration (versioning, tags, CORS, policy,
 * notifications, Object Lock and the versions' locks, default encryption, lifecycle), every version and delete marker of every key with headers, metadata, checksums, parts
 * and tags, and unfinished multipart uploads with their parts. Bodies go to the snapshot's
 * content-addressed blobs ({@link ObjectSnapshots}). A bucket is read under its monitor, as every S3
 * action takes it, so no object is torn; buckets are not captured at one common instant.
 */
public final class S3Snapshots {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private S3Snapshots() {
    }

    public static ObjectNode export(S3Service service, BlobSink blobs) {
        ObjectNode json = NODES.objectNode();
        ArrayNode buckets = json.putArray("buckets");
        for (Bucket bucket : service.state().store().all()) {
            ObjectNode node = buckets.addObject();
            synchronized (bucket) {
                node.put("name", bucket.name());
                node.put("region", bucket.region());
                node.put("created", bucket.created().toEpochMilli());
                node.put("versioning", bucket.versioning() == null ? null : bucket.versioning().name());
                if (bucket.tags() != null) {
                    node.set("tags", ObjectSnapshots.strings(bucket.tags()));
                }
                node.put("cors", bucket.cors());
                node.put("policy", bucket.policy());
                BucketSettingsSnapshot.export(bucket, node);
                if (!bucket.notifications().targets().isEmpty() || bucket.notifications().eventBridge()) {
                    node.put("notifications", bucket.notifications().toXml());
                }
                ArrayNode versions = node.putArray("versions");
                for (ObjectVersion version : bucket.keys().all()) {
                    versions.add(ObjectSnapshots.write(version, blobs));
                }
                ArrayNode uploads = node.putArray("uploads");
                for (MultipartUpload upload : bucket.uploads().values()) {
                    uploads.add(ObjectSnapshots.write(upload, blobs));
                }
            }
        }
        return json;
    }

    /**
     * Recreates the snapshot's buckets and objects in an empty service, bodies read from {@code blobs}.
     *
     * @return the number of buckets and of object versions (delete markers included) loaded
     */
    public static long[] restore(S3Service service, JsonNode snapshot, BlobSource blobs) {
        S3Context s3 = service.state();
        long buckets = 0;
        long versions = 0;
        long lastSequence = 0;
        for (JsonNode node : snapshot.path("buckets")) {
            Bucket bucket = service.createBucket(node.path("name").asText(), node.path("region").asText(),
                    Instant.ofEpochMilli(node.path("created").asLong()));
            synchronized (bucket) {
                String versioning = node.path("versioning").asText(null);
                bucket.versioning(versioning == null ? null : Bucket.Versioning.valueOf(versioning));
                if (node.has("tags")) {
                    bucket.tags(ObjectSnapshots.strings(node.path("tags")));
                }
                bucket.cors(node.path("cors").asText(null));
                bucket.policy(node.path("policy").asText(null));
                BucketSettingsSnapshot.restore(bucket, node, s3);
                String notifications = node.path("notifications").asText(null);
                if (notifications != null) {
                    bucket.notifications(NotificationConfiguration.parse(
                            notifications.getBytes(StandardCharsets.UTF_8), () -> s3.ids().versionId()));
                }
                List<JsonNode> saved = ObjectSnapshots.list(node.path("versions"));
                // Versions were saved newest first per key; adding oldest first rebuilds the same lists.
                for (int i = saved.size() - 1; i >= 0; i--) {
                    ObjectVersion version = ObjectSnapshots.version(saved.get(i), blobs, s3.blobs());
                    bucket.keys().add(version);
                    lastSequence = Math.max(lastSequence, version.sequence());
                    versions++;
                }
                for (JsonNode upload : node.path("uploads")) {
                    MultipartUpload restored = ObjectSnapshots.upload(upload, blobs, s3.blobs());
                    bucket.uploads().put(restored.uploadId(), restored);
                }
            }
            LifecycleExpiry.trackAll(s3, bucket);
            buckets++;
        }
        s3.ids().continueAfter(lastSequence);
        return new long[] {buckets, versions};
    }
}
