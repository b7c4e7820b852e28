package dev.simstack.core.s3;

import static dev.simstack.core.s3.S3TestSupport.assertS3Error;
import static dev.simstack.core.s3.S3TestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerReplicationStatus;
import software.amazon.awssdk.services.s3.model.ReplicationConfiguration;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.ReplicationRuleStatus;
import software.amazon.awssdk.services.s3.model.ReplicationStatus;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** Bucket replication: the configuration is checked as S3 checks it, and writes are copied between regions. */
class BucketReplicationTest {

    private static final String ROLE = "arn:aws:iam::000000000000:role/replication";

    private Stack stack;
    private S3Client s3;
    private S3Client west;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        west = S3TestSupport.client(stack, Region.EU_WEST_1);
        s3.createBucket(b -> b.bucket("source"));
        west.createBucket(b -> b.bucket("backup").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        s3.createBucket(b -> b.bucket("nearby"));
        for (String bucket : List.of("source", "backup", "nearby")) {
            s3.putBucketVersioning(v -> v.bucket(bucket).versioningConfiguration(c -> c.status("Enabled")));
        }
    }

    @AfterEach
    void stop() {
        west.close();
        s3.close();
        stack.close();
    }

    @Test
    void a_put_is_copied_to_a_bucket_of_another_region_with_its_version_metadata_and_tags() {
        replicate(rule("all", 1, "", "backup", DeleteMarkerReplicationStatus.DISABLED));
        String versionId = s3.putObject(p -> p.bucket("source").key("docs/a.txt").contentType("text/plain")
                .metadata(java.util.Map.of("owner", "ada")).tagging("team=core"), text("hello")).versionId();

        var source = s3.headObject(h -> h.bucket("source").key("docs/a.txt"));
        assertThat(source.replicationStatus()).isEqualTo(ReplicationStatus.COMPLETED);
        var replica = west.getObjectAsBytes(g -> g.bucket("backup").key("docs/a.txt"));
        assertThat(replica.asUtf8String()).isEqualTo("hello");
        assertThat(replica.response().versionId()).isEqualTo(versionId);
        assertThat(replica.response().replicationStatus()).isEqualTo(ReplicationStatus.REPLICA);
        assertThat(replica.response().contentType()).isEqualTo("text/plain");
        assertThat(replica.response().metadata()).containsEntry("owner", "ada");
        assertThat(replica.response().eTag()).isEqualTo(source.eTag());
        assertThat(west.getObjectTagging(t -> t.bucket("backup").key("docs/a.txt")).tagSet())
                .singleElement().satisfies(tag -> assertThat(tag.key() + "=" + tag.value()).isEqualTo("team=core"));
        assertThat(stack.ledger().entries(LedgerEntry.ObjectWrite.class).stream()
                .filter(w -> w.operation().equals("ReplicateObject")).map(w -> w.bucket().name() + "/" + w.key()))
                .containsExactly("backup/docs/a.txt");
    }

    @Test
    void rules_apply_by_prefix_and_tags_and_the_highest_priority_rule_sets_the_storage_class() {
        replicate(rule("logs", 1, "logs/", "nearby", DeleteMarkerReplicationStatus.DISABLED),
                r -> r.id("cold").priority(2).status(ReplicationRuleStatus.ENABLED)
                        .filter(f -> f.and(a -> a.prefix("logs/").tags(t -> t.key("tier").value("cold"))))
                        .deleteMarkerReplication(d -> d.status(DeleteMarkerReplicationStatus.DISABLED))
                        .destination(d -> d.bucket("arn:aws:s3:::nearby").storageClass(StorageClass.GLACIER_IR)));
        s3.putObject(p -> p.bucket("source").key("logs/1").tagging("tier=cold"), text("1"));
        s3.putObject(p -> p.bucket("source").key("logs/2"), text("2"));
        s3.putObject(p -> p.bucket("source").key("other"), text("3"));

        assertThat(s3.headObject(h -> h.bucket("nearby").key("logs/1")).storageClass())
                .isEqualTo(StorageClass.GLACIER_IR);
        assertThat(s3.headObject(h -> h.bucket("nearby").key("logs/2")).storageClass()).isNull();
        assertThat(s3.headObject(h -> h.bucket("source").key("other")).replicationStatus()).isNull();
        assertThat(s3.listObjectsV2(l -> l.bucket("nearby")).contents()).extracting(o -> o.key())
                .containsExactly("logs/1", "logs/2");
    }

    @Test
    void delete_markers_are_replicated_only_when_the_rule_says_so() {
        replicate(rule("markers", 1, "keep/", "backup", DeleteMarkerReplicationStatus.ENABLED),
                rule("plain", 2, "drop/", "nearby", DeleteMarkerReplicationStatus.DISABLED));
        s3.putObject(p -> p.bucket("source").key("keep/x"), text("x"));
        s3.putObject(p -> p.bucket("source").key("drop/y"), text("y"));
        String marker = s3.deleteObject(d -> d.bucket("source").key("keep/x")).versionId();
        s3.deleteObject(d -> d.bucket("source").key("drop/y"));

        var backupVersions = west.listObjectVersions(l -> l.bucket("backup"));
        assertThat(backupVersions.deleteMarkers()).singleElement().satisfies(m -> {
            assertThat(m.key()).isEqualTo("keep/x");
            assertThat(m.versionId()).isEqualTo(marker);
        });
        assertThat(s3.getObjectAsBytes(g -> g.bucket("nearby").key("drop/y")).asUtf8String()).isEqualTo("y");
    }

    @Test
    void replicas_are_not_replicated_again_and_a_gone_destination_fails_the_status() {
        replicate(rule("all", 1, "", "nearby", DeleteMarkerReplicationStatus.DISABLED));
        s3.putBucketReplication(r -> r.bucket("nearby").replicationConfiguration(c -> c.role(ROLE).rules(
                ReplicationRule.builder().id("back").priority(1).status(ReplicationRuleStatus.ENABLED)
                        .filter(f -> f.prefix("")).deleteMarkerReplication(d -> d.status(
                                DeleteMarkerReplicationStatus.DISABLED))
                        .destination(d -> d.bucket("arn:aws:s3:::backup")).build())));
        s3.putObject(p -> p.bucket("source").key("k"), text("v"));
        assertThat(west.listObjectsV2(l -> l.bucket("backup")).contents()).isEmpty();

        s3.deleteObject(d -> d.bucket("nearby").key("k"));
        s3.listObjectVersions(l -> l.bucket("nearby")).versions().forEach(v -> s3.deleteObject(d -> d
                .bucket("nearby").key(v.key()).versionId(v.versionId())));
        s3.listObjectVersions(l -> l.bucket("nearby")).deleteMarkers().forEach(v -> s3.deleteObject(d -> d
                .bucket("nearby").key(v.key()).versionId(v.versionId())));
        s3.deleteBucket(d -> d.bucket("nearby"));
        s3.putObject(p -> p.bucket("source").key("k2"), text("v"));
        assertThat(s3.headObject(h -> h.bucket("source").key("k2")).replicationStatus())
                .isEqualTo(ReplicationStatus.FAILED);
    }

    @Test
    void the_configuration_is_answered_back_and_deleted() {
        assertS3Error(() -> s3.getBucketReplication(g -> g.bucket("source")), 404,
                "ReplicationConfigurationNotFoundError", "The replication configuration was not found");
        replicate(rule("all", 7, "a/", "backup", DeleteMarkerReplicationStatus.ENABLED));
        ReplicationConfiguration answered = s3.getBucketReplication(g -> g.bucket("source"))
                .replicationConfiguration();
        assertThat(answered.role()).isEqualTo(ROLE);
        assertThat(answered.rules()).singleElement().satisfies(rule -> {
            assertThat(rule.id()).isEqualTo("all");
            assertThat(rule.priority()).isEqualTo(7);
            assertThat(rule.filter().prefix()).isEqualTo("a/");
            assertThat(rule.deleteMarkerReplication().status()).isEqualTo(DeleteMarkerReplicationStatus.ENABLED);
            assertThat(rule.destination().bucket()).isEqualTo("arn:aws:s3:::backup");
        });
        s3.deleteBucketReplication(d -> d.bucket("source"));
        assertS3Error(() -> s3.getBucketReplication(g -> g.bucket("source")), 404,
                "ReplicationConfigurationNotFoundError", "The replication configuration was not found");
    }

    @Test
    void versioning_must_be_enabled_on_the_source_and_the_destination() {
        s3.createBucket(b -> b.bucket("plain"));
        assertS3Error(() -> s3.putBucketReplication(r -> r.bucket("plain").replicationConfiguration(c -> c.role(ROLE)
                .rules(rule("all", 1, "", "backup", DeleteMarkerReplicationStatus.DISABLED)))), 400, "InvalidRequest",
                "Versioning must be 'Enabled' on the bucket to apply a replication configuration");
        assertS3Error(() -> replicate(rule("all", 1, "", "plain", DeleteMarkerReplicationStatus.DISABLED)), 400,
                "InvalidRequest", "Destination bucket must have versioning enabled.");
        assertS3Error(() -> replicate(rule("all", 1, "", "nowhere", DeleteMarkerReplicationStatus.DISABLED)), 400,
                "InvalidRequest", "Destination bucket must exist.");
        replicate(rule("all", 1, "", "backup", DeleteMarkerReplicationStatus.DISABLED));
        assertS3Error(() -> s3.putBucketVersioning(v -> v.bucket("source").versioningConfiguration(c -> c
                .status("Suspended"))), 409, "InvalidBucketState",
                "Replication configuration is present on this bucket, so the versioning state cannot be changed.");
    }

    @Test
    void rules_of_the_current_schema_need_a_priority_and_a_delete_marker_setting() {
        assertS3Error(() -> replicate(r -> r.id("x").status(ReplicationRuleStatus.ENABLED).filter(f -> f.prefix(""))
                .deleteMarkerReplication(d -> d.status(DeleteMarkerReplicationStatus.DISABLED))
                .destination(d -> d.bucket("arn:aws:s3:::backup"))), 400, "InvalidRequest",
                "Priority must be specified for this version of Cross Region Replication configuration schema."
                        + " Please refer to S3 Developer Guide for more information.");
        assertS3Error(() -> replicate(r -> r.id("x").priority(1).status(ReplicationRuleStatus.ENABLED)
                .filter(f -> f.prefix("")).destination(d -> d.bucket("arn:aws:s3:::backup"))), 400, "InvalidRequest",
                "DeleteMarkerReplication must be specified for this version of Cross Region Replication"
                        + " configuration schema. Please refer to S3 Developer Guide for more information.");
        assertS3Error(() -> replicate(rule("a", 1, "", "backup", DeleteMarkerReplicationStatus.DISABLED),
                rule("b", 1, "x", "nearby", DeleteMarkerReplicationStatus.DISABLED)), 400, "InvalidRequest",
                "Found overlapping priorities. Priorities must be unique: 1");
    }

    @Test
    void the_role_and_the_destination_must_be_arns_of_their_kind() {
        assertS3Error(() -> s3.putBucketReplication(r -> r.bucket("source").replicationConfiguration(c -> c
                .role("replication").rules(rule("all", 1, "", "backup", DeleteMarkerReplicationStatus.DISABLED)))), 400,
                "InvalidArgument", "Invalid ReplicationConfiguration Role ARN: replication (expected"
                        + " arn:aws:iam::ACCOUNT:role/NAME)");
        assertS3Error(() -> replicate(r -> r.id("x").priority(1).status(ReplicationRuleStatus.ENABLED)
                .filter(f -> f.prefix("")).deleteMarkerReplication(d -> d.status(DeleteMarkerReplicationStatus
                        .DISABLED)).destination(d -> d.bucket("backup"))), 400, "InvalidArgument",
                "Invalid destination bucket ARN: backup (expected arn:aws:s3:::BUCKET)");
    }

    // --- helpers ---

    @SafeVarargs
    private void replicate(Consumer<ReplicationRule.Builder>... rules) {
        List<ReplicationRule> built = java.util.Arrays.stream(rules).map(r -> {
            ReplicationRule.Builder builder = ReplicationRule.builder();
            r.accept(builder);
            return builder.build();
        }).toList();
        s3.putBucketReplication(r -> r.bucket("source").replicationConfiguration(c -> c.role(ROLE).rules(built)));
    }

    private static Consumer<ReplicationRule.Builder> rule(String id, int priority, String prefix, String destination,
            DeleteMarkerReplicationStatus markers) {
        return r -> r.id(id).priority(priority).status(ReplicationRuleStatus.ENABLED).filter(f -> f.prefix(prefix))
                .deleteMarkerReplication(d -> d.status(markers))
                .destination(d -> d.bucket("arn:aws:s3:::" + destination));
    }
}
