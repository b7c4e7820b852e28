package dev.simstack.core.internal.services.s3;

import dev.simstack.core.ResourceRef;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One bucket: where and when it was made, its configuration and its objects. Every read and change of
 * its state holds the bucket's monitor, so conditional writes and version lists are consistent under
 * concurrent clients; object bytes are written before the lock is taken.
 */
final class Bucket {

    /** S3's versioning states; a bucket that was never versioned has none (GetBucketVersioning is empty). */
    enum Versioning { ENABLED, SUSPENDED }

    private final ResourceRef ref;
    private final Instant created;
    private final VersionedKeys keys = new VersionedKeys();
    private final Map<String, MultipartUpload> uploads = new LinkedHashMap<>();
    private Versioning versioning;
    private Map<String, String> tags;
    private String cors;
    private String policy;
    private NotificationConfiguration notifications = NotificationConfiguration.NONE;
    private String locationConstraint;
    private ObjectLockConfiguration objectLock;
    private final ObjectLocks locks = new ObjectLocks();
    private BucketEncryption encryption;
    private LifecycleConfiguration lifecycle;
    private String ownership = AclActions.BUCKET_OWNER_ENFORCED;
    private AccessControlList acl;
    private final Map<String, AccessControlList> objectAcls = new java.util.HashMap<>();
    private BucketLogging logging;
    private ReplicationConfiguration replication;

    Bucket(ResourceRef ref, Instant created) {
        this.ref = ref;
        this.created = created;
    }

    /** The bucket's identity: its name, the region it lives in and the stack's account. */
    ResourceRef ref() {
        return ref;
    }

    String name() {
        return ref.name();
    }

    String region() {
        return ref.region();
    }

    Instant created() {
        return created;
    }

    String arn() {
        return ref.arn();
    }

    /** The objects; hold the bucket's monitor while using them. */
    VersionedKeys keys() {
        return keys;
    }

    /** In-progress multipart uploads by id; hold the bucket's monitor while using them. */
    Map<String, MultipartUpload> uploads() {
        return uploads;
    }

    synchronized Versioning versioning() {
        return versioning;
    }

    synchronized void versioning(Versioning versioning) {
        this.versioning = versioning;
    }

    /** The version id a new write gets: a fresh one while versioning is enabled, else "null". */
    synchronized String nextVersionId(IdMint ids) {
        return versioning == Versioning.ENABLED ? ids.versionId() : ObjectVersion.NULL_VERSION;
    }

    synchronized Map<String, String> tags() {
        return tags;
    }

    synchronized void tags(Map<String, String> tags) {
        this.tags = tags;
    }

    synchronized String cors() {
        return cors;
    }

    synchronized void cors(String cors) {
        this.cors = cors;
    }

    synchronized String policy() {
        return policy;
    }

    synchronized void policy(String policy) {
        this.policy = policy;
    }

    synchronized NotificationConfiguration notifications() {
        return notifications;
    }

    synchronized void notifications(NotificationConfiguration notifications) {
        this.notifications = notifications;
    }

    /** The LocationConstraint as given when it is not the region's own name (S3's legacy {@code EU}), else null. */
    synchronized String locationConstraint() {
        return locationConstraint;
    }

    synchronized void locationConstraint(String locationConstraint) {
        this.locationConstraint = locationConstraint;
    }

    /** The Object Lock configuration, or null when the bucket was not created with Object Lock. */
    synchronized ObjectLockConfiguration objectLock() {
        return objectLock;
    }

    synchronized void objectLock(ObjectLockConfiguration objectLock) {
        this.objectLock = objectLock;
    }

    /** The retention and legal hold of each locked version; hold the bucket's monitor while using them. */
    ObjectLocks locks() {
        return locks;
    }

    /** The default encryption of new objects, or null (SSE-S3, as S3 applies to every bucket since 2023). */
    synchronized BucketEncryption encryption() {
        return encryption;
    }

    synchronized void encryption(BucketEncryption encryption) {
        this.encryption = encryption;
    }

    /** The lifecycle configuration, or null. */
    synchronized LifecycleConfiguration lifecycle() {
        return lifecycle;
    }

    synchronized void lifecycle(LifecycleConfiguration lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** The Object Ownership setting, or null after DeleteBucketOwnershipControls (ACLs then apply, as ObjectWriter). */
    synchronized String ownership() {
        return ownership;
    }

    synchronized void ownership(String ownership) {
        this.ownership = ownership;
    }

    /** Whether ACLs are disabled (BucketOwnerEnforced): only the owner's FULL_CONTROL may be set. */
    synchronized boolean aclsDisabled() {
        return AclActions.BUCKET_OWNER_ENFORCED.equals(ownership);
    }

    /** The bucket's ACL, or null (its owner with FULL_CONTROL). */
    synchronized AccessControlList acl() {
        return acl;
    }

    synchronized void acl(AccessControlList acl) {
        this.acl = acl;
    }

    /**
     * The ACLs set on object versions, by {@code versionId/key} (a version without one has its owner's
     * FULL_CONTROL); hold the bucket's monitor while using them.
     */
    Map<String, AccessControlList> objectAcls() {
        return objectAcls;
    }

    /** The server access logging setting, or null (logging off). */
    synchronized BucketLogging logging() {
        return logging;
    }

    synchronized void logging(BucketLogging logging) {
        this.logging = logging;
    }

    /** The replication configuration, or null (none). */
    synchronized ReplicationConfiguration replication() {
        return replication;
    }

    synchronized void replication(ReplicationConfiguration replication) {
        this.replication = replication;
    }
}
