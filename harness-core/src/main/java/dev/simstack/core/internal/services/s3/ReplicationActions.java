package dev.simstack.core.internal.services.s3;

import dev.simstack.core.LedgerEntry.ObjectWriteKind;
import dev.simstack.core.LedgerEntry.WriteOutcome;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Put/Get/DeleteBucketReplication, and replication itself: a version committed to a bucket with a replication
 * configuration is copied, with its version id, metadata, content headers and tags, to the destination bucket
 * of each rule that applies (of any region of the stack), synchronously after the commit; a delete marker
 * follows when its rule says so. The source version answers {@code x-amz-replication-status} COMPLETED (or
 * FAILED when a destination is gone or no longer versioned), the copy REPLICA; replicas are not replicated again.
 */
final class ReplicationActions {

    static final String STATUS = "x-amz-replication-status";
    /** Carries a replica's source version id to its commit (dropped there, like the lock and ACL headers). */
    static final String REPLICA_OF = "x-simstack-replica-of";

    private final S3Context s3;
    private final ObjectWrites writes;

    ReplicationActions(S3Context s3, ObjectWrites writes) {
        this.s3 = s3;
        this.writes = writes;
    }

    static void register(OperationTable<S3Operation> operations, S3Context s3) {
        operations.put("PutBucketReplication", call -> {
            Bucket bucket = s3.store().bucket(call.bucket());
            ReplicationConfiguration configuration = ReplicationConfiguration.parse(call.payload().readAll());
            check(bucket, configuration, s3.store());
            bucket.replication(configuration);
            return RestOutput.ok();
        });
        operations.put("GetBucketReplication", call -> {
            ReplicationConfiguration configuration = s3.store().bucket(call.bucket()).replication();
            if (configuration == null) {
                throw ReplicationConfiguration.notFound();
            }
            return RestOutput.xml(configuration.toXml());
        });
        operations.put("DeleteBucketReplication", call -> {
            s3.store().bucket(call.bucket()).replication(null);
            return RestOutput.ok().status(204);
        });
    }

    /** Versioning must be Enabled on the source and on every destination, which must exist. */
    private static void check(Bucket bucket, ReplicationConfiguration configuration, S3Store store) {
        if (bucket.versioning() != Bucket.Versioning.ENABLED) {
            throw S3Errors.invalidRequest("Versioning must be 'Enabled' on the bucket to apply a replication"
                    + " configuration");
        }
        for (ReplicationConfiguration.Rule rule : configuration.rules()) {
            Bucket destination = store.find(rule.destination());
            if (destination == null) {
                throw S3Errors.invalidRequest("Destination bucket must exist.");
            }
            if (destination == bucket) {
                throw S3Errors.invalidRequest("Destination bucket cannot be the same as the source bucket.");
            }
            if (destination.versioning() != Bucket.Versioning.ENABLED) {
                throw S3Errors.invalidRequest("Destination bucket must have versioning enabled.");
            }
        }
    }

    /** PutBucketVersioning cannot suspend versioning while a replication configuration is present. */
    static void checkVersioningChange(Bucket bucket) {
        if (bucket.replication() != null) {
            throw new RestXmlError("InvalidBucketState", 409, "Replication configuration is present on this bucket,"
                    + " so the versioning state cannot be changed.");
        }
    }

    /** The rules that replicate a new version of {@code key} with {@code tags} (none for a replica). */
    static List<ReplicationConfiguration.Rule> rules(Bucket bucket, String key, Map<String, String> tags,
            ObjectVersion.StoredContent content) {
        ReplicationConfiguration configuration = bucket.replication();
        if (configuration == null || content.headers().containsKey(REPLICA_OF)) {
            return List.of();
        }
        return configuration.applicable(key, tags == null ? Map.of() : tags);
    }

    /**
     * The content with the replication status it is committed with: REPLICA for a copy, COMPLETED or FAILED
     * for a source (decided before the commit, since the copy follows at once), none otherwise.
     */
    ObjectVersion.StoredContent withStatus(ObjectVersion.StoredContent content,
            List<ReplicationConfiguration.Rule> rules) {
        String status = content.headers().containsKey(REPLICA_OF) ? "REPLICA" : rules.isEmpty() ? null
                : rules.stream().allMatch(rule -> replicable(rule) != null) ? "COMPLETED" : "FAILED";
        if (status == null && !content.headers().containsKey(STATUS)) {
            return content;
        }
        Map<String, String> headers = new LinkedHashMap<>(content.headers());
        headers.remove(STATUS);
        if (status != null) {
            headers.put(STATUS, status);
        }
        return new ObjectVersion.StoredContent(content.blob(), content.etag(), headers, content.metadata(),
                content.storageClass(), content.checksums(), content.checksumType(), content.parts());
    }

    /** The rule's destination bucket, or null when it is gone or no longer versioned. */
    private Bucket replicable(ReplicationConfiguration.Rule rule) {
        Bucket destination = s3.store().find(rule.destination());
        return destination == null || destination.versioning() != Bucket.Versioning.ENABLED ? null : destination;
    }

    /** Copies a committed version to each rule's destination, as a replica with the same version id. */
    void replicate(Bucket source, ObjectVersion version, List<ReplicationConfiguration.Rule> rules,
            S3Requester requester) {
        for (ReplicationConfiguration.Rule rule : rules) {
            Bucket destination = replicable(rule);
            if (destination == null) {
                continue;
            }
            ObjectVersion.StoredContent content = version.content();
            BlobWriter.Written written;
            try (InputStream in = content.blob().open()) {
                written = s3.blobs().write(in, Set.of(), version.size());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> headers = new LinkedHashMap<>(content.headers());
            headers.put(REPLICA_OF, version.versionId());
            ObjectVersion.StoredContent replica = new ObjectVersion.StoredContent(written.blob(), content.etag(),
                    headers, content.metadata(), rule.storageClass() != null ? rule.storageClass()
                    : content.storageClass(), content.checksums(), content.checksumType(), content.parts());
            writes.commit(destination, version.key(), replica, version.tags().get(), null, replicator(requester),
                    ObjectWriteKind.COPY, "Put");
        }
    }

    /** Adds a delete marker of the same version id to each destination whose rule replicates delete markers. */
    void replicateMarker(Bucket source, ObjectVersion marker, S3Requester requester) {
        ReplicationConfiguration configuration = source.replication();
        if (configuration == null) {
            return;
        }
        for (ReplicationConfiguration.Rule rule : configuration.applicable(marker.key(), Map.of())) {
            Bucket destination = replicable(rule);
            if (destination == null || !rule.deleteMarkers()) {
                continue;
            }
            List<ObjectVersion> replaced;
            synchronized (destination) {
                replaced = destination.keys().add(ObjectVersion.marker(marker.key(), marker.versionId(),
                        s3.stack().clock().now(), s3.ids().nextSequence()));
            }
            replaced.forEach(old -> {
                if (old.content() != null) {
                    old.content().blob().release();
                }
            });
            writes.record(destination, marker.key(), marker.versionId(), ObjectWriteKind.DELETE_MARKER,
                    replicator(requester), WriteOutcome.APPLIED);
        }
    }

    /** Replication is S3's own write: the ledger names it ReplicateObject, with the request that caused it. */
    private static S3Requester replicator(S3Requester requester) {
        return new S3Requester("ReplicateObject", requester.requestId(), null);
    }
}
