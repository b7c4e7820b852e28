package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import dev.simstack.core.internal.protocol.restxml.XmlReader;
import dev.simstack.core.internal.protocol.restxml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Object Ownership and access control lists: Put/Get/DeleteBucketOwnershipControls, Get/PutBucketAcl and
 * Get/PutObjectAcl (per version), and the ACL a bucket or object write names. A new bucket is
 * BucketOwnerEnforced, as S3's are since April 2023: ACLs are then disabled, and setting any other than its
 * owner's FULL_CONTROL is refused (AccessControlListNotSupported). ACLs are stored and answered, never
 * enforced: no request is ever denied by one, as signatures and policies are not checked.
 */
final class AclActions {

    static final String BUCKET_OWNER_ENFORCED = "BucketOwnerEnforced";
    private static final Set<String> OWNERSHIPS = Set.of(BUCKET_OWNER_ENFORCED, "BucketOwnerPreferred",
            "ObjectWriter");
    /** The internal header a write's ACL travels in to the commit, which stores it and drops the header. */
    static final String WRITE_ACL = "x-simstack-acl";

    private final S3Context s3;

    AclActions(S3Context s3) {
        this.s3 = s3;
    }

    void register(OperationTable<S3Operation> operations) {
        operations.put("PutBucketOwnershipControls", this::putOwnership);
        operations.put("GetBucketOwnershipControls", this::getOwnership);
        operations.put("DeleteBucketOwnershipControls", call -> {
            s3.store().bucket(call.bucket()).ownership(null);
            return RestOutput.ok().status(204);
        });
        operations.put("GetBucketAcl", call -> {
            Bucket bucket = s3.store().bucket(call.bucket());
            return RestOutput.xml(answered(bucket, bucket.acl()).toXml(owner(bucket)));
        });
        operations.put("PutBucketAcl", call -> {
            Bucket bucket = s3.store().bucket(call.bucket());
            bucket.acl(allowed(bucket, requested(call, owner(bucket))));
            return RestOutput.ok();
        });
        operations.put("GetObjectAcl", call -> {
            Bucket bucket = s3.store().bucket(call.bucket());
            synchronized (bucket) {
                ObjectVersion version = VersionLookup.find(bucket, call.key(), call.query("versionId"));
                AccessControlList acl = bucket.objectAcls().get(id(version.key(), version.versionId()));
                return RestOutput.xml(answered(bucket, acl).toXml(owner(bucket)))
                        .header("x-amz-version-id", bucket.versioning() == null ? null : version.versionId());
            }
        });
        operations.put("PutObjectAcl", call -> {
            Bucket bucket = s3.store().bucket(call.bucket());
            AccessControlList acl = allowed(bucket, requested(call, owner(bucket)));
            synchronized (bucket) {
                ObjectVersion version = VersionLookup.find(bucket, call.key(), call.query("versionId"));
                bucket.objectAcls().put(id(version.key(), version.versionId()), acl);
                return RestOutput.ok()
                        .header("x-amz-version-id", bucket.versioning() == null ? null : version.versionId());
            }
        });
    }

    private RestOutput putOwnership(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        XmlReader controls = XmlReader.parse(call.payload().readAll(), "OwnershipControls");
        var rules = controls.children("Rule");
        String ownership = rules.size() == 1 ? rules.get(0).text("ObjectOwnership") : null;
        if (ownership == null || !OWNERSHIPS.contains(ownership)) {
            throw S3Errors.malformedXml();
        }
        synchronized (bucket) {
            if (ownership.equals(BUCKET_OWNER_ENFORCED) && bucket.acl() != null
                    && !bucket.acl().isOwnerOnly(owner(bucket))) {
                throw aclWithEnforced();
            }
            bucket.ownership(ownership);
        }
        return RestOutput.ok();
    }

    private RestOutput getOwnership(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        String ownership = bucket.ownership();
        if (ownership == null) {
            throw new RestXmlError("OwnershipControlsNotFoundError", 404, "The bucket ownership controls were not"
                    + " found").with("BucketName", call.bucket());
        }
        return RestOutput.xml(XmlWriter.document("OwnershipControls").start("Rule")
                .element("ObjectOwnership", ownership).end("Rule").finish("OwnershipControls"));
    }

    /** What CreateBucket asks for: its Object Ownership and its ACL (null: its owner's). */
    record AtCreate(String ownership, AccessControlList acl) {

        void applyTo(Bucket bucket) {
            bucket.ownership(ownership);
            bucket.acl(acl);
        }
    }

    /**
     * CreateBucket's {@code x-amz-object-ownership} and ACL headers, checked before the bucket is made: the
     * ownership must be one S3 knows, and a BucketOwnerEnforced bucket takes no ACL but its owner's.
     */
    static AtCreate atCreateBucket(S3Call call) {
        String ownership = call.header("x-amz-object-ownership");
        if (ownership != null && !OWNERSHIPS.contains(ownership)) {
            throw S3Errors.invalidArgument("Invalid x-amz-object-ownership header: " + ownership,
                    "x-amz-object-ownership", ownership);
        }
        String owner = BucketActions.canonicalId(call);
        AccessControlList acl = AccessControlList.fromHeaders(call, owner);
        String effective = ownership == null ? BUCKET_OWNER_ENFORCED : ownership;
        if (acl != null && effective.equals(BUCKET_OWNER_ENFORCED) && !acl.isOwnerOnly(owner)) {
            throw aclWithEnforced();
        }
        return new AtCreate(effective, acl);
    }

    /**
     * The headers of an object write (PutObject, CopyObject, CreateMultipartUpload) with the ACL it names,
     * checked against the bucket's ownership before any byte is read, carried to the commit.
     */
    static Map<String, String> withWriteAcl(Bucket bucket, S3Call call, Map<String, String> headers) {
        AccessControlList acl = AccessControlList.fromHeaders(call, owner(bucket));
        if (acl == null) {
            return headers;
        }
        allowed(bucket, acl);
        Map<String, String> with = new LinkedHashMap<>(headers);
        with.put(WRITE_ACL, acl.toXml(owner(bucket)));
        return with;
    }

    /** At a commit (bucket's monitor held): the new version's ACL from its write's headers, or none. */
    static void commit(Bucket bucket, String key, String versionId, Map<String, String> headers) {
        String xml = headers.get(WRITE_ACL);
        if (xml == null) {
            bucket.objectAcls().remove(id(key, versionId));
        } else {
            bucket.objectAcls().put(id(key, versionId), AccessControlList.parse(xml.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Forgets the ACL of a version that is gone (bucket's monitor held). */
    static void forget(Bucket bucket, String key, String versionId) {
        bucket.objectAcls().remove(id(key, versionId));
    }

    static String id(String key, String versionId) {
        return versionId + "/" + key;
    }

    /** PutBucketAcl's and PutObjectAcl's ACL: from headers or from the body, never both, one of them. */
    private static AccessControlList requested(S3Call call, String owner) {
        boolean body = !call.payload().isEmpty();
        if (AccessControlList.inHeaders(call)) {
            AccessControlList acl = AccessControlList.fromHeaders(call, owner);
            if (body) {
                throw new RestXmlError("UnexpectedContent", 400, "This request does not support content");
            }
            return acl;
        }
        if (!body) {
            throw new RestXmlError("MissingSecurityHeader", 400, "Your request was missing a required header")
                    .with("MissingHeaderName", AccessControlList.CANNED);
        }
        return AccessControlList.parse(call.payload().readAll());
    }

    /** {@code acl}, if the bucket's ownership allows it: with ACLs disabled, only its owner's FULL_CONTROL. */
    private static AccessControlList allowed(Bucket bucket, AccessControlList acl) {
        if (bucket.aclsDisabled() && !acl.isOwnerOnly(owner(bucket))) {
            throw new RestXmlError("AccessControlListNotSupported", 400, "The bucket does not allow ACLs");
        }
        return acl;
    }

    /** The ACL answered: the owner's FULL_CONTROL while ACLs are disabled or none was set. */
    private static AccessControlList answered(Bucket bucket, AccessControlList acl) {
        return acl == null || bucket.aclsDisabled() ? AccessControlList.ownerOnly(owner(bucket)) : acl;
    }

    static String owner(Bucket bucket) {
        return BucketActions.canonicalId(bucket.ref().account());
    }

    private static RestXmlError aclWithEnforced() {
        return new RestXmlError("InvalidBucketAclWithObjectOwnership", 400, "Bucket cannot have ACLs set with"
                + " ObjectOwnership's BucketOwnerEnforced setting");
    }
}
