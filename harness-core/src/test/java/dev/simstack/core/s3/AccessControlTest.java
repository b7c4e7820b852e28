package dev.simstack.core.s3;

import static dev.simstack.core.s3.S3TestSupport.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.simstack.core.Stack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Type;

/** Object Ownership and ACLs: stored, checked and answered as S3 does; never enforced. */
class AccessControlTest {

    private static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    private static final String NOT_SUPPORTED = "The bucket does not allow ACLs";

    private Stack stack;
    private S3Client s3;
    private String owner;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("enforced"));
        s3.createBucket(b -> b.bucket("writer").objectOwnership(ObjectOwnership.OBJECT_WRITER));
        owner = s3.getBucketAcl(a -> a.bucket("enforced")).owner().id();
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    @Test
    void a_new_bucket_is_bucket_owner_enforced_and_create_bucket_takes_another_ownership() {
        assertThat(s3.getBucketOwnershipControls(o -> o.bucket("enforced")).ownershipControls().rules())
                .singleElement().satisfies(r -> assertThat(r.objectOwnership()).isEqualTo(ObjectOwnership.BUCKET_OWNER_ENFORCED));
        assertThat(s3.getBucketOwnershipControls(o -> o.bucket("writer")).ownershipControls().rules().get(0)
                .objectOwnership()).isEqualTo(ObjectOwnership.OBJECT_WRITER);
    }

    @Test
    void ownership_controls_are_put_and_deleted_and_a_missing_one_is_not_found() {
        s3.putBucketOwnershipControls(o -> o.bucket("enforced").ownershipControls(c -> c.rules(r -> r
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED))));
        assertThat(s3.getBucketOwnershipControls(o -> o.bucket("enforced")).ownershipControls().rules().get(0)
                .objectOwnership()).isEqualTo(ObjectOwnership.BUCKET_OWNER_PREFERRED);
        s3.deleteBucketOwnershipControls(o -> o.bucket("enforced"));
        assertS3Error(() -> s3.getBucketOwnershipControls(o -> o.bucket("enforced")), 404,
                "OwnershipControlsNotFoundError", "The bucket ownership controls were not found");
        // Without ownership controls ACLs apply, as with ObjectWriter.
        s3.putBucketAcl(a -> a.bucket("enforced").acl(BucketCannedACL.PUBLIC_READ));
    }

    @Test
    void an_unknown_object_ownership_is_malformed_xml() {
        assertS3Error(() -> s3.putBucketOwnershipControls(o -> o.bucket("enforced").ownershipControls(c -> c.rules(r -> r
                .objectOwnership("Nobody")))), 400, "MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema");
    }

    @Test
    void with_acls_disabled_only_the_owners_full_control_may_be_set() {
        s3.putBucketAcl(a -> a.bucket("enforced").acl(BucketCannedACL.PRIVATE));
        s3.putObject(p -> p.bucket("enforced").key("k").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL),
                S3TestSupport.text("x"));
        s3.putObjectAcl(a -> a.bucket("enforced").key("k").grantFullControl("id=" + owner));
        assertS3Error(() -> s3.putBucketAcl(a -> a.bucket("enforced").acl(BucketCannedACL.PUBLIC_READ)), 400,
                "AccessControlListNotSupported", NOT_SUPPORTED);
        assertS3Error(() -> s3.putObject(p -> p.bucket("enforced").key("k").acl(ObjectCannedACL.PUBLIC_READ),
                S3TestSupport.text("y")), 400, "AccessControlListNotSupported", NOT_SUPPORTED);
        assertS3Error(() -> s3.putObjectAcl(a -> a.bucket("enforced").key("k").grantRead("uri=" + ALL_USERS)), 400,
                "AccessControlListNotSupported", NOT_SUPPORTED);
        assertS3Error(() -> s3.copyObject(c -> c.sourceBucket("enforced").sourceKey("k").destinationBucket("enforced")
                .destinationKey("copy").acl(ObjectCannedACL.AUTHENTICATED_READ)), 400, "AccessControlListNotSupported",
                NOT_SUPPORTED);
        assertS3Error(() -> s3.createMultipartUpload(c -> c.bucket("enforced").key("m")
                .acl(ObjectCannedACL.PUBLIC_READ_WRITE)), 400, "AccessControlListNotSupported", NOT_SUPPORTED);
        assertThat(s3.getObjectAsBytes(g -> g.bucket("enforced").key("k")).asUtf8String()).isEqualTo("x");
    }

    @Test
    void create_bucket_with_a_public_acl_and_owner_enforced_is_refused() {
        assertS3Error(() -> s3.createBucket(b -> b.bucket("public").acl(BucketCannedACL.PUBLIC_READ)), 400,
                "InvalidBucketAclWithObjectOwnership",
                "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");
        assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).doesNotContain("public");
        s3.createBucket(b -> b.bucket("public").acl(BucketCannedACL.PUBLIC_READ)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED));
        assertThat(s3.getBucketAcl(a -> a.bucket("public")).grants()).extracting(g -> g.grantee().uri(), Grant::permission)
                .containsExactly(tuple(null, Permission.FULL_CONTROL), tuple(ALL_USERS, Permission.READ));
        assertS3Error(() -> s3.putBucketOwnershipControls(o -> o.bucket("public").ownershipControls(c -> c.rules(r -> r
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)))), 400, "InvalidBucketAclWithObjectOwnership",
                "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");
    }

    @Test
    void canned_acls_are_stored_per_version_and_answered_with_owner_and_grantees() {
        s3.putBucketVersioning(v -> v.bucket("writer").versioningConfiguration(c -> c
                .status(BucketVersioningStatus.ENABLED)));
        String first = s3.putObject(p -> p.bucket("writer").key("k").acl(ObjectCannedACL.PUBLIC_READ),
                S3TestSupport.text("1")).versionId();
        String second = s3.putObject(p -> p.bucket("writer").key("k"), S3TestSupport.text("2")).versionId();
        var acl = s3.getObjectAcl(a -> a.bucket("writer").key("k").versionId(first));
        assertThat(acl.owner().id()).isEqualTo(owner);
        assertThat(acl.owner().displayName()).isEqualTo("simstack");
        assertThat(acl.grants()).extracting(g -> g.grantee().type(), g -> g.grantee().id(), g -> g.grantee().uri(),
                Grant::permission).containsExactly(tuple(Type.CANONICAL_USER, owner, null, Permission.FULL_CONTROL),
                tuple(Type.GROUP, null, ALL_USERS, Permission.READ));
        assertThat(s3.getObjectAcl(a -> a.bucket("writer").key("k")).grants()).singleElement()
                .satisfies(g -> assertThat(g.permission()).isEqualTo(Permission.FULL_CONTROL));
        s3.putObjectAcl(a -> a.bucket("writer").key("k").versionId(second).acl("log-delivery-write"));
        assertThat(s3.getObjectAcl(a -> a.bucket("writer").key("k").versionId(second)).grants())
                .extracting(Grant::permission).containsExactly(Permission.FULL_CONTROL, Permission.WRITE,
                        Permission.READ_ACP);
    }

    @Test
    void grant_headers_and_access_control_policies_are_stored_as_given() {
        String other = "a".repeat(64);
        s3.putBucketAcl(a -> a.bucket("writer").grantRead("uri=\"" + ALL_USERS + "\"").grantWrite("id=\"" + other + "\""));
        assertThat(s3.getBucketAcl(a -> a.bucket("writer")).grants()).extracting(g -> g.grantee().id(),
                Grant::permission).containsExactly(tuple(null, Permission.READ), tuple(other, Permission.WRITE));
        s3.putObject(p -> p.bucket("writer").key("k"), S3TestSupport.text("x"));
        s3.putObjectAcl(a -> a.bucket("writer").key("k").accessControlPolicy(p -> p.owner(o -> o.id(owner))
                .grants(Grant.builder().grantee(g -> g.type(Type.CANONICAL_USER).id(other))
                        .permission(Permission.READ_ACP).build())));
        assertThat(s3.getObjectAcl(a -> a.bucket("writer").key("k")).grants()).singleElement()
                .satisfies(g -> assertThat(g.grantee().id()).isEqualTo(other));
        s3.copyObject(c -> c.sourceBucket("writer").sourceKey("k").destinationBucket("writer").destinationKey("copy")
                .acl(ObjectCannedACL.AUTHENTICATED_READ));
        assertThat(s3.getObjectAcl(a -> a.bucket("writer").key("copy")).grants()).extracting(g -> g.grantee().uri())
                .containsExactly(null, "http://acs.amazonaws.com/groups/global/AuthenticatedUsers");
    }

    @Test
    void invalid_acls_get_s3s_errors() {
        s3.putObject(p -> p.bucket("writer").key("k"), S3TestSupport.text("x"));
        assertS3Error(() -> s3.putBucketAcl(a -> a.bucket("writer").acl(BucketCannedACL.PRIVATE).grantRead("uri="
                + ALL_USERS)), 400, "InvalidRequest", "Specifying both Canned ACLs and Header Grants is not allowed");
        assertS3Error(() -> s3.putBucketAcl(a -> a.bucket("writer").acl("world-readable")), 400, "InvalidArgument", "");
        assertS3Error(() -> s3.putBucketAcl(a -> a.bucket("writer").grantRead("name=someone")), 400, "InvalidArgument",
                "Argument format not recognized");
        assertS3Error(() -> s3.putBucketAcl(a -> a.bucket("writer").grantRead("uri=http://example.com/group")), 400,
                "InvalidArgument", "Invalid group uri");
        assertS3Error(() -> s3.putBucketAcl(a -> a.bucket("writer").grantRead("id=short")), 400, "InvalidArgument",
                "Invalid id");
        assertS3Error(() -> s3.putBucketAcl(a -> a.bucket("writer").grantRead("emailAddress=\"a@example.com\"")), 400,
                "UnresolvableGrantByEmailAddress", "The e-mail address you provided does not match any account on record.");
        assertS3Error(() -> s3.putObjectAcl(a -> a.bucket("writer").key("k").accessControlPolicy(p -> p
                .grants(Grant.builder().grantee(g -> g.type(Type.GROUP).uri(ALL_USERS)).permission(Permission.READ)
                        .build()))), 400, "MalformedACLError",
                "The XML you provided was not well-formed or did not validate against our published schema");
        assertS3Error(() -> s3.putObjectAcl(a -> a.bucket("writer").key("k").accessControlPolicy(p -> p
                .owner(o -> o.id(owner)).grants(Grant.builder().grantee(g -> g.type(Type.GROUP).uri(ALL_USERS))
                        .permission("EVERYTHING").build()))), 400, "MalformedACLError",
                "The XML you provided was not well-formed or did not validate against our published schema");
        assertS3Error(() -> s3.putObjectAcl(a -> a.bucket("writer").key("k")), 400, "MissingSecurityHeader",
                "Your request was missing a required header");
    }
}
