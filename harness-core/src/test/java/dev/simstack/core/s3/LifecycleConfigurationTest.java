package dev.simstack.core.s3;

import static dev.simstack.core.s3.S3TestSupport.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Lifecycle configuration: stored, validated, and its Expiration applied on the stack's clock. */
class LifecycleConfigurationTest {

    private static final String MALFORMED = "The XML you provided was not well-formed or did not validate against our"
            + " published schema";

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("aging"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    private void putRules(LifecycleRule... rules) {
        s3.putBucketLifecycleConfiguration(l -> l.bucket("aging").lifecycleConfiguration(c -> c.rules(rules)));
    }

    private static LifecycleRule rule(Consumer<LifecycleRule.Builder> rule) {
        LifecycleRule.Builder builder = LifecycleRule.builder().status(ExpirationStatus.ENABLED);
        rule.accept(builder);
        return builder.build();
    }


    private boolean exists(String key) {
        try {
            s3.headObject(h -> h.bucket("aging").key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    @Test
    void a_configuration_is_stored_answered_and_deleted() {
        assertS3Error(() -> s3.getBucketLifecycleConfiguration(l -> l.bucket("aging")), 404,
                "NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist");
        putRules(rule(r -> r.id("logs").filter(f -> f.prefix("logs/")).expiration(e -> e.days(30))),
                rule(r -> r.id("tmp").status(ExpirationStatus.DISABLED).filter(f -> f.prefix("tmp/"))
                        .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(2))));
        var rules = s3.getBucketLifecycleConfiguration(l -> l.bucket("aging")).rules();
        assertThat(rules).extracting(LifecycleRule::id).containsExactly("logs", "tmp");
        assertThat(rules.get(0).expiration().days()).isEqualTo(30);
        assertThat(rules.get(1).status()).isEqualTo(ExpirationStatus.DISABLED);
        s3.deleteBucketLifecycle(l -> l.bucket("aging"));
        assertS3Error(() -> s3.getBucketLifecycleConfiguration(l -> l.bucket("aging")), 404,
                "NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist");
    }

    @Test
    void rules_are_checked_as_s3_checks_them() {
        assertS3Error(() -> putRules(rule(r -> r.id("none").filter(f -> f.prefix("")))), 400, "InvalidRequest",
                "At least one action needs to be specified in a rule");
        assertS3Error(() -> putRules(rule(r -> r.id("zero").filter(f -> f.prefix("")).expiration(e -> e.days(0)))), 400,
                "InvalidArgument", "'Days' for Expiration action must be a positive integer");
        assertS3Error(() -> putRules(rule(r -> r.id("noon").filter(f -> f.prefix(""))
                .expiration(e -> e.date(Instant.parse("2030-01-01T12:00:00Z"))))), 400, "InvalidArgument",
                "'Date' must be at midnight GMT");
        assertS3Error(() -> putRules(rule(r -> r.id("both").filter(f -> f.prefix("")).expiration(e -> e.days(1)
                .date(Instant.parse("2030-01-01T00:00:00Z"))))), 400, "MalformedXML", MALFORMED);
        assertS3Error(() -> putRules(rule(r -> r.id("two").filter(f -> f.prefix("a/").tag(t -> t.key("k").value("v")))
                .expiration(e -> e.days(1)))), 400, "MalformedXML", MALFORMED);
        assertS3Error(() -> putRules(rule(r -> r.id("same").filter(f -> f.prefix("a/")).expiration(e -> e.days(1))),
                rule(r -> r.id("same").filter(f -> f.prefix("b/")).expiration(e -> e.days(1)))), 400,
                "InvalidArgument", "Rule ID must be unique. Found same ID for more than one rule");
        assertS3Error(() -> putRules(rule(r -> r.id("x".repeat(256)).filter(f -> f.prefix("")).expiration(e -> e.days(1)))),
                400, "InvalidArgument", "ID length should not exceed allowed limit of 255");
        assertS3Error(() -> putRules(rule(r -> r.id("nc").filter(f -> f.prefix(""))
                .noncurrentVersionExpiration(n -> n.noncurrentDays(0)))), 400, "InvalidArgument",
                "'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive integer");
    }

    @Test
    void days_expire_an_object_at_the_midnight_after_its_age_is_reached() {
        putRules(rule(r -> r.id("week").filter(f -> f.prefix("logs/")).expiration(e -> e.days(7))));
        Instant written = stack.clock().now();
        var put = s3.putObject(p -> p.bucket("aging").key("logs/a"), S3TestSupport.text("x"));
        s3.putObject(p -> p.bucket("aging").key("keep/a"), S3TestSupport.text("x"));
        Instant expiry = written.plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        String header = "expiry-date=\"" + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                expiry.atZone(java.time.ZoneOffset.UTC)) + "\", rule-id=\"week\"";
        assertThat(put.expiration()).isEqualTo(header);
        assertThat(s3.headObject(h -> h.bucket("aging").key("logs/a")).expiration()).isEqualTo(header);
        assertThat(s3.getObject(g -> g.bucket("aging").key("logs/a")).response().expiration()).isEqualTo(header);
        assertThat(s3.headObject(h -> h.bucket("aging").key("keep/a")).expiration()).isNull();

        stack.clock().advance(Duration.between(stack.clock().now(), expiry).minusSeconds(1));
        assertThat(exists("logs/a")).isTrue();
        stack.clock().advance(Duration.ofSeconds(1));
        assertThat(exists("logs/a")).isFalse();
        assertThat(exists("keep/a")).isTrue();
        assertThat(stack.ledger().entries(LedgerEntry.ObjectWrite.class)).last().satisfies(w -> {
            assertThat(w.key()).isEqualTo("logs/a");
            assertThat(w.operation()).isEqualTo("LifecycleExpiration");
        });
    }

    @Test
    void a_date_expires_every_object_its_tag_filter_selects_and_a_versioned_bucket_gets_a_delete_marker() {
        s3.putBucketVersioning(v -> v.bucket("aging").versioningConfiguration(c -> c.status("Enabled")));
        Instant date = stack.clock().now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(3));
        putRules(rule(r -> r.id("temp").filter(f -> f.tag(t -> t.key("temp").value("yes"))).expiration(e -> e.date(date))));
        s3.putObject(p -> p.bucket("aging").key("tagged").tagging("temp=yes"), S3TestSupport.text("x"));
        s3.putObject(p -> p.bucket("aging").key("other").tagging("temp=no"), S3TestSupport.text("x"));
        s3.putObject(p -> p.bucket("aging").key("later"), S3TestSupport.text("x"));
        s3.putObjectTagging(t -> t.bucket("aging").key("later").tagging(g -> g.tagSet(x -> x.key("temp").value("yes"))));
        stack.clock().advance(Duration.between(stack.clock().now(), date));
        assertThat(exists("tagged")).isFalse();
        assertThat(exists("later")).isFalse();
        assertThat(exists("other")).isTrue();
        var versions = s3.listObjectVersions(l -> l.bucket("aging").prefix("tagged"));
        assertThat(versions.versions()).hasSize(1);
        assertThat(versions.deleteMarkers()).singleElement().satisfies(m -> assertThat(m.isLatest()).isTrue());
    }

    @Test
    void a_configuration_put_later_expires_objects_already_there_and_a_deleted_one_expires_nothing() {
        s3.putObject(p -> p.bucket("aging").key("old"), S3TestSupport.text("x"));
        s3.putObject(p -> p.bucket("aging").key("replaced"), S3TestSupport.text("x"));
        putRules(rule(r -> r.id("all").filter(f -> f.prefix("")).expiration(e -> e.days(1))));
        s3.deleteBucketLifecycle(l -> l.bucket("aging"));
        putRules(rule(r -> r.id("all").filter(f -> f.prefix("")).expiration(e -> e.days(1))));
        s3.putObject(p -> p.bucket("aging").key("replaced"), S3TestSupport.text("y"));
        s3.deleteBucketLifecycle(l -> l.bucket("aging"));
        s3.putObject(p -> p.bucket("aging").key("kept"), S3TestSupport.text("x"));
        putRules(rule(r -> r.id("old").filter(f -> f.prefix("old")).expiration(e -> e.days(1))));
        stack.clock().advance(Duration.ofDays(3));
        assertThat(exists("old")).isFalse();
        assertThat(exists("replaced")).isTrue();
        assertThat(exists("kept")).isTrue();
    }
}
