package dev.simstack.core.s3;

import static dev.simstack.core.s3.S3TestSupport.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** CreateBucket's location-constraint rules and what GetBucketLocation answers. */
class LocationConstraintTest {

    private Stack stack;
    private S3Client east;
    private S3Client ireland;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        east = S3TestSupport.client(stack);
        ireland = S3TestSupport.client(stack, Region.EU_WEST_1);
    }

    @AfterEach
    void stop() {
        east.close();
        ireland.close();
        stack.close();
    }


    @Test
    void us_east_1_takes_no_constraint_and_refuses_its_own_name_as_one() {
        east.createBucket(b -> b.bucket("plain"));
        assertThat(east.getBucketLocation(l -> l.bucket("plain")).locationConstraintAsString()).isEmpty();
        assertS3Error(() -> east.createBucket(b -> b.bucket("named").createBucketConfiguration(c -> c
                .locationConstraint("us-east-1"))), 400, "InvalidLocationConstraint",
                "The specified location-constraint is not valid");
    }

    @Test
    void a_constraint_that_is_no_region_is_invalid() {
        assertS3Error(() -> east.createBucket(b -> b.bucket("moon").createBucketConfiguration(c -> c
                .locationConstraint("moon-base"))), 400, "InvalidLocationConstraint",
                "The specified location-constraint is not valid");
    }

    @Test
    void a_regional_endpoint_refuses_no_constraint_or_another_regions() throws Exception {
        // The SDK adds its own region as the constraint when none is given, so this one goes on the wire directly.
        RawHttp.Answer answer = RawHttp.send(stack.port(), "PUT", "/unspecified", Map.of("Authorization",
                "AWS4-HMAC-SHA256 Credential=test/20260101/eu-west-1/s3/aws4_request, SignedHeaders=host,"
                        + " Signature=0"), "");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("<Code>IllegalLocationConstraintException</Code>", "<Message>The unspecified"
                + " location constraint is incompatible for the region specific endpoint this request was sent to."
                + "</Message>");
        assertS3Error(() -> ireland.createBucket(b -> b.bucket("elsewhere").createBucketConfiguration(c -> c
                .locationConstraint("us-west-2"))), 400, "IllegalLocationConstraintException",
                "The us-west-2 location constraint is incompatible for the region specific endpoint this request was"
                        + " sent to.");
        assertThat(east.listBuckets().buckets()).isEmpty();
    }

    @Test
    void a_matching_constraint_creates_the_bucket_in_that_region() {
        ireland.createBucket(b -> b.bucket("irish").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        assertThat(east.getBucketLocation(l -> l.bucket("irish")).locationConstraintAsString()).isEqualTo("eu-west-1");
        assertThat(east.headBucket(h -> h.bucket("irish")).bucketRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void the_global_endpoint_creates_a_bucket_in_the_region_its_constraint_names() {
        east.createBucket(b -> b.bucket("frankfurt").createBucketConfiguration(c -> c
                .locationConstraint("eu-central-1")));
        assertThat(east.headBucket(h -> h.bucket("frankfurt")).bucketRegion()).isEqualTo("eu-central-1");
    }

    @Test
    void eu_is_the_legacy_name_of_eu_west_1_and_is_answered_back() {
        ireland.createBucket(b -> b.bucket("legacy-eu").createBucketConfiguration(c -> c.locationConstraint("EU")));
        assertThat(east.getBucketLocation(l -> l.bucket("legacy-eu")).locationConstraintAsString()).isEqualTo("EU");
        assertThat(east.headBucket(h -> h.bucket("legacy-eu")).bucketRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void recreating_an_own_bucket_succeeds_only_in_us_east_1() {
        east.createBucket(b -> b.bucket("mine"));
        east.createBucket(b -> b.bucket("mine"));
        ireland.createBucket(b -> b.bucket("mine-eu").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        String owned = "Your previous request to create the named bucket succeeded and you already own it.";
        assertS3Error(() -> ireland.createBucket(b -> b.bucket("mine-eu").createBucketConfiguration(c -> c
                .locationConstraint("eu-west-1"))), 409, "BucketAlreadyOwnedByYou", owned);
        assertS3Error(() -> east.createBucket(b -> b.bucket("mine-eu")), 409, "BucketAlreadyOwnedByYou", owned);
    }
}
