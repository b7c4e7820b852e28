package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** CreateBucket, HeadBucket, ListBuckets, GetBucketLocation and DeleteBucket. */
class BucketLifecycleTest {

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    @Test
    void created_buckets_are_listed_by_name_with_creation_date_and_region() {
        s3.createBucket(b -> b.bucket("zeta"));
        s3.createBucket(b -> b.bucket("alpha"));
        assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).containsExactly("alpha", "zeta");
        assertThat(s3.listBuckets().buckets().get(0).creationDate()).isEqualTo(stack.clock().now());
        assertThat(s3.headBucket(h -> h.bucket("alpha")).bucketRegion()).isEqualTo("us-east-1");
    }

    @Test
    void list_buckets_pages_with_continuation_tokens() {
        for (String name : new String[] {"page-c", "page-a", "page-b", "other"}) {
            s3.createBucket(b -> b.bucket(name));
        }
        assertThat(s3.listBucketsPaginator(l -> l.maxBuckets(1).prefix("page-")).buckets().stream()
                .map(b -> b.name())).containsExactly("page-a", "page-b", "page-c");
        assertThat(s3.listBuckets(l -> l.maxBuckets(2)).continuationToken()).isNotNull();
        assertThat(s3.listBuckets(l -> l.maxBuckets(10)).continuationToken()).isNull();
    }

    @Test
    void head_of_a_missing_bucket_is_no_such_bucket() {
        assertThatThrownBy(() -> s3.headBucket(h -> h.bucket("missing")))
                .isInstanceOfSatisfying(NoSuchBucketException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> s3.listObjectsV2(l -> l.bucket("missing")))
                .isInstanceOfSatisfying(NoSuchBucketException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket"));
    }

    @Test
    void recreating_an_own_bucket_is_a_no_op_in_us_east_1_and_an_error_elsewhere() {
        s3.createBucket(b -> b.bucket("legacy"));
        s3.createBucket(b -> b.bucket("legacy")); // us-east-1 answers 200 for legacy compatibility
        try (S3Client west = S3TestSupport.client(stack, Region.EU_WEST_1)) {
            west.createBucket(b -> b.bucket("irish").createBucketConfiguration(c -> c.locationConstraint(
                    BucketLocationConstraint.EU_WEST_1)));
            assertThatThrownBy(() -> west.createBucket(b -> b.bucket("irish").createBucketConfiguration(c -> c
                    .locationConstraint(BucketLocationConstraint.EU_WEST_1))))
                    .isInstanceOfSatisfying(BucketAlreadyOwnedByYouException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(409));
        }
        assertThat(s3.getBucketLocation(l -> l.bucket("irish")).locationConstraintAsString()).isEqualTo("eu-west-1");
        assertThat(s3.getBucketLocation(l -> l.bucket("legacy")).locationConstraintAsString()).isEmpty();
    }

    @Test
    void a_regional_endpoint_needs_a_matching_location_constraint() {
        try (S3Client west = S3TestSupport.client(stack, Region.US_WEST_2)) {
            assertThatThrownBy(() -> west.createBucket(b -> b.bucket("nowhere").createBucketConfiguration(c -> c
                    .locationConstraint(BucketLocationConstraint.EU_WEST_1))))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("IllegalLocationConstraintException"));
        }
    }

    @Test
    void a_bucket_with_objects_cannot_be_deleted() {
        s3.createBucket(b -> b.bucket("full"));
        s3.putObject(p -> p.bucket("full").key("k"), S3TestSupport.text("x"));
        assertThatThrownBy(() -> s3.deleteBucket(d -> d.bucket("full")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
                });
        s3.deleteObject(d -> d.bucket("full").key("k"));
        s3.deleteBucket(d -> d.bucket("full"));
        assertThat(s3.listBuckets().buckets()).isEmpty();
    }

    @Test
    void names_breaking_the_naming_rules_are_invalid_bucket_name() throws Exception {
        // The SDK refuses most bad names itself, so these go on the wire directly.
        for (String name : new String[] {"ab", "Upper-Case", "under_score", "192.168.5.4", "a..b", "xn--bucket",
            "ends-with-", "x".repeat(64)}) {
            RawHttp.Answer answer = RawHttp.send(stack.port(), "PUT", "/" + name, Map.of(), "");
            assertThat(answer.status()).as(name).isEqualTo(400);
            assertThat(answer.body()).as(name).contains("<Code>InvalidBucketName</Code>");
        }
    }
}
