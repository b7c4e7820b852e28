package dev.simstack.core.s3;

import static dev.simstack.core.s3.S3TestSupport.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

/** Object Lock: the bucket's configuration, retention and legal hold on the stack's clock, and what they refuse. */
class ObjectLockTest {

    private static final String PROTECTED = "Access Denied because object protected by object lock.";
    private static final String MISSING = "Bucket is missing Object Lock Configuration";

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("vault").objectLockEnabledForBucket(true));
        s3.createBucket(b -> b.bucket("plain"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    private Instant inDays(long days) {
        return stack.clock().now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS);
    }

    private String put(String bucket, String key) {
        return s3.putObject(p -> p.bucket(bucket).key(key), S3TestSupport.text("x")).versionId();
    }

    private void retain(String key, String version, ObjectLockRetentionMode mode, Instant until) {
        s3.putObjectRetention(r -> r.bucket("vault").key(key).versionId(version).retention(t -> t.mode(mode)
                .retainUntilDate(until)));
    }


    @Test
    void a_bucket_created_with_object_lock_is_versioned_and_stays_so() {
        assertThat(s3.getBucketVersioning(v -> v.bucket("vault")).status()).isEqualTo(BucketVersioningStatus.ENABLED);
        assertThat(s3.getObjectLockConfiguration(c -> c.bucket("vault")).objectLockConfiguration()
                .objectLockEnabledAsString()).isEqualTo("Enabled");
        assertS3Error(() -> s3.putBucketVersioning(v -> v.bucket("vault").versioningConfiguration(c -> c
                .status(BucketVersioningStatus.SUSPENDED))), 409, "InvalidBucketState", "An Object Lock configuration"
                        + " is present on this bucket, so the versioning state cannot be changed.");
        assertS3Error(() -> s3.getObjectLockConfiguration(c -> c.bucket("plain")), 404,
                "ObjectLockConfigurationNotFoundError", "Object Lock configuration does not exist for this bucket");
    }

    @Test
    void object_lock_needs_versioning_enabled_on_an_existing_bucket() {
        assertS3Error(() -> s3.putObjectLockConfiguration(c -> c.bucket("plain").objectLockConfiguration(o -> o
                .objectLockEnabled("Enabled"))), 409, "InvalidBucketState",
                "Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration");
        s3.putBucketVersioning(v -> v.bucket("plain").versioningConfiguration(c -> c.status("Enabled")));
        s3.putObjectLockConfiguration(c -> c.bucket("plain").objectLockConfiguration(o -> o.objectLockEnabled("Enabled")));
        assertThat(s3.getObjectLockConfiguration(c -> c.bucket("plain")).objectLockConfiguration().rule()).isNull();
    }

    @Test
    void a_default_retention_needs_a_mode_and_one_positive_period() {
        s3.putObjectLockConfiguration(c -> c.bucket("vault").objectLockConfiguration(o -> o.objectLockEnabled("Enabled")
                .rule(r -> r.defaultRetention(d -> d.mode("GOVERNANCE").days(3)))));
        var rule = s3.getObjectLockConfiguration(c -> c.bucket("vault")).objectLockConfiguration().rule();
        assertThat(rule.defaultRetention().modeAsString()).isEqualTo("GOVERNANCE");
        assertThat(rule.defaultRetention().days()).isEqualTo(3);
        String malformed = "The XML you provided was not well-formed or did not validate against our published schema";
        assertS3Error(() -> s3.putObjectLockConfiguration(c -> c.bucket("vault").objectLockConfiguration(o -> o
                .objectLockEnabled("Enabled").rule(r -> r.defaultRetention(d -> d.mode("GOVERNANCE").days(1).years(1))))),
                400, "MalformedXML", malformed);
        assertS3Error(() -> s3.putObjectLockConfiguration(c -> c.bucket("vault").objectLockConfiguration(o -> o
                .objectLockEnabled("Enabled").rule(r -> r.defaultRetention(d -> d.days(1))))), 400, "MalformedXML",
                malformed);
        assertS3Error(() -> s3.putObjectLockConfiguration(c -> c.bucket("vault").objectLockConfiguration(o -> o
                .objectLockEnabled("Enabled").rule(r -> r.defaultRetention(d -> d.mode("COMPLIANCE").days(0))))), 400,
                "InvalidArgument", "Default retention period must be a positive integer value");
    }

    @Test
    void a_new_version_gets_the_default_retention_on_the_stacks_clock() {
        s3.putObjectLockConfiguration(c -> c.bucket("vault").objectLockConfiguration(o -> o.objectLockEnabled("Enabled")
                .rule(r -> r.defaultRetention(d -> d.mode("COMPLIANCE").days(1)))));
        Instant written = stack.clock().now();
        String version = put("vault", "doc");
        var retention = s3.getObjectRetention(r -> r.bucket("vault").key("doc")).retention();
        assertThat(retention.mode()).isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
        assertThat(retention.retainUntilDate()).isEqualTo(written.plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS));
        assertS3Error(() -> s3.deleteObject(d -> d.bucket("vault").key("doc").versionId(version)), 403, "AccessDenied",
                PROTECTED);
        assertS3Error(() -> s3.deleteObject(d -> d.bucket("vault").key("doc").versionId(version)
                .bypassGovernanceRetention(true)), 403, "AccessDenied", PROTECTED);
        s3.deleteObject(d -> d.bucket("vault").key("doc")); // a delete marker is always allowed
        stack.clock().advance(Duration.ofDays(1).plusSeconds(1));
        s3.deleteObject(d -> d.bucket("vault").key("doc").versionId(version));
        assertThat(s3.listObjectVersions(l -> l.bucket("vault")).versions()).isEmpty();
    }

    @Test
    void governance_retention_gives_way_to_the_bypass_header() {
        String version = put("vault", "gov");
        retain("gov", version, ObjectLockRetentionMode.GOVERNANCE, inDays(10));
        assertS3Error(() -> s3.deleteObject(d -> d.bucket("vault").key("gov").versionId(version)), 403, "AccessDenied",
                PROTECTED);
        assertS3Error(() -> retain("gov", version, ObjectLockRetentionMode.GOVERNANCE, inDays(5)), 403, "AccessDenied",
                PROTECTED);
        retain("gov", version, ObjectLockRetentionMode.GOVERNANCE, inDays(20)); // extending is always allowed
        s3.putObjectRetention(r -> r.bucket("vault").key("gov").versionId(version).bypassGovernanceRetention(true)
                .retention(t -> t.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(inDays(2))));
        s3.deleteObject(d -> d.bucket("vault").key("gov").versionId(version).bypassGovernanceRetention(true));
    }

    @Test
    void compliance_retention_cannot_be_shortened_or_weakened() {
        String version = put("vault", "law");
        retain("law", version, ObjectLockRetentionMode.COMPLIANCE, inDays(10));
        assertS3Error(() -> s3.putObjectRetention(r -> r.bucket("vault").key("law").versionId(version)
                .bypassGovernanceRetention(true).retention(t -> t.mode(ObjectLockRetentionMode.GOVERNANCE)
                        .retainUntilDate(inDays(10)))), 403, "AccessDenied", PROTECTED);
        assertS3Error(() -> retain("law", version, ObjectLockRetentionMode.COMPLIANCE, inDays(1)), 403, "AccessDenied",
                PROTECTED);
        var deleted = s3.deleteObjects(d -> d.bucket("vault").bypassGovernanceRetention(true).delete(x -> x
                .objects(o -> o.key("law").versionId(version))));
        assertThat(deleted.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("AccessDenied");
            assertThat(e.message()).isEqualTo(PROTECTED);
        });
    }

    @Test
    void a_retain_until_date_must_be_in_the_future_of_the_stacks_clock() {
        String version = put("vault", "past");
        Instant past = stack.clock().now().minusSeconds(60);
        assertS3Error(() -> retain("past", version, ObjectLockRetentionMode.GOVERNANCE, past), 400, "InvalidArgument",
                "The retain until date must be in the future!");
    }

    @Test
    void a_legal_hold_refuses_deletes_until_it_is_off() {
        String version = put("vault", "held");
        s3.putObjectLegalHold(h -> h.bucket("vault").key("held").legalHold(l -> l.status(ObjectLockLegalHoldStatus.ON)));
        assertThat(s3.getObjectLegalHold(h -> h.bucket("vault").key("held")).legalHold().status())
                .isEqualTo(ObjectLockLegalHoldStatus.ON);
        assertS3Error(() -> s3.deleteObject(d -> d.bucket("vault").key("held").versionId(version)
                .bypassGovernanceRetention(true)), 403, "AccessDenied", PROTECTED);
        s3.putObjectLegalHold(h -> h.bucket("vault").key("held").legalHold(l -> l.status(ObjectLockLegalHoldStatus.OFF)));
        assertThat(s3.getObjectLegalHold(h -> h.bucket("vault").key("held")).legalHold().status())
                .isEqualTo(ObjectLockLegalHoldStatus.OFF);
        s3.deleteObject(d -> d.bucket("vault").key("held").versionId(version));
    }

    @Test
    void put_headers_lock_the_new_version_and_get_and_head_answer_them() {
        Instant until = inDays(7);
        s3.putObject(p -> p.bucket("vault").key("headers").objectLockMode(ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(until).objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON),
                S3TestSupport.text("x"));
        GetObjectResponse got = s3.getObject(g -> g.bucket("vault").key("headers")).response();
        assertThat(got.objectLockMode()).isEqualTo(ObjectLockMode.GOVERNANCE);
        assertThat(got.objectLockRetainUntilDate()).isEqualTo(until);
        assertThat(got.objectLockLegalHoldStatus()).isEqualTo(ObjectLockLegalHoldStatus.ON);
        var head = s3.headObject(h -> h.bucket("vault").key("headers"));
        assertThat(head.objectLockMode()).isEqualTo(ObjectLockMode.GOVERNANCE);
        assertThat(head.objectLockRetainUntilDate()).isEqualTo(until);
    }

    @Test
    void lock_requests_on_a_bucket_without_object_lock_are_invalid_requests() {
        put("plain", "none");
        assertS3Error(() -> s3.getObjectRetention(r -> r.bucket("plain").key("none")), 400, "InvalidRequest", MISSING);
        assertS3Error(() -> s3.getObjectLegalHold(r -> r.bucket("plain").key("none")), 400, "InvalidRequest", MISSING);
        assertS3Error(() -> s3.putObjectLegalHold(h -> h.bucket("plain").key("none").legalHold(l -> l.status("ON"))), 400,
                "InvalidRequest", MISSING);
        assertS3Error(() -> s3.putObject(p -> p.bucket("plain").key("locked").objectLockMode(ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(inDays(1)), S3TestSupport.text("x")), 400, "InvalidRequest", MISSING);
    }

    @Test
    void a_version_without_a_lock_has_no_retention_or_legal_hold() {
        put("vault", "free");
        String none = "The specified object does not have a ObjectLock configuration";
        assertS3Error(() -> s3.getObjectRetention(r -> r.bucket("vault").key("free")), 404,
                "NoSuchObjectLockConfiguration", none);
        assertS3Error(() -> s3.getObjectLegalHold(r -> r.bucket("vault").key("free")), 404,
                "NoSuchObjectLockConfiguration", none);
        String marker = s3.deleteObject(d -> d.bucket("vault").key("free")).versionId();
        assertS3Error(() -> s3.putObjectLegalHold(h -> h.bucket("vault").key("free").versionId(marker)
                .legalHold(l -> l.status("ON"))), 405, "MethodNotAllowed",
                "The specified method is not allowed against this resource.");
    }

    @Test
    void mode_and_retain_until_date_headers_come_together() {
        assertS3Error(() -> s3.putObject(p -> p.bucket("vault").key("half").objectLockMode(ObjectLockMode.COMPLIANCE),
                S3TestSupport.text("x")), 400, "InvalidArgument",
                "x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied");
    }
}
