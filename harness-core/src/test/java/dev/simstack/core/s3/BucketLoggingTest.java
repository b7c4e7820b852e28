package dev.simstack.core.s3;

import static dev.simstack.core.s3.S3TestSupport.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Server access logging: the setting is stored and checked as S3 checks it; no log objects are written. */
class BucketLoggingTest {

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("app"));
        s3.createBucket(b -> b.bucket("logs"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    @Test
    void logging_is_off_until_set_and_an_empty_status_turns_it_off_again() {
        assertThat(s3.getBucketLogging(l -> l.bucket("app")).loggingEnabled()).isNull();
        s3.putBucketLogging(l -> l.bucket("app").bucketLoggingStatus(s -> s.loggingEnabled(e -> e.targetBucket("logs")
                .targetPrefix("app/"))));
        var enabled = s3.getBucketLogging(l -> l.bucket("app")).loggingEnabled();
        assertThat(enabled.targetBucket()).isEqualTo("logs");
        assertThat(enabled.targetPrefix()).isEqualTo("app/");
        s3.putBucketLogging(l -> l.bucket("app").bucketLoggingStatus(s -> { }));
        assertThat(s3.getBucketLogging(l -> l.bucket("app")).loggingEnabled()).isNull();
    }

    @Test
    void the_target_bucket_must_exist() {
        assertS3Error(() -> s3.putBucketLogging(l -> l.bucket("app").bucketLoggingStatus(s -> s.loggingEnabled(e -> e
                .targetBucket("nowhere").targetPrefix("")))), 400, "InvalidTargetBucketForLogging",
                "The target bucket for logging does not exist");
    }

    @Test
    void the_target_bucket_must_be_in_the_same_region() {
        try (S3Client west = S3TestSupport.client(stack, Region.EU_WEST_1)) {
            west.createBucket(b -> b.bucket("west-logs").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        }
        assertS3Error(() -> s3.putBucketLogging(l -> l.bucket("app").bucketLoggingStatus(s -> s.loggingEnabled(e -> e
                .targetBucket("west-logs").targetPrefix("")))), 403, "CrossLocationLoggingProhibitted",
                "Cross S3 location logging not allowed. ");
    }
}
