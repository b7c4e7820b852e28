package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** PutObject with {@code If-None-Match: *} (create only) and {@code If-Match} (compare and swap). */
class ConditionalWritesTest {

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("locks"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    @Test
    void if_none_match_star_creates_once_then_fails_with_412() {
        s3.putObject(p -> p.bucket("locks").key("lease").ifNoneMatch("*"), S3TestSupport.text("first"));
        assertThatThrownBy(() -> s3.putObject(p -> p.bucket("locks").key("lease").ifNoneMatch("*"),
                S3TestSupport.text("second"))).isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(412);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
                });
        assertThat(s3.getObjectAsBytes(g -> g.bucket("locks").key("lease")).asUtf8String()).isEqualTo("first");
    }

    @Test
    void if_match_replaces_only_the_expected_version() {
        String first = s3.putObject(p -> p.bucket("locks").key("counter"), S3TestSupport.text("1")).eTag();
        String second = s3.putObject(p -> p.bucket("locks").key("counter").ifMatch(first), S3TestSupport.text("2"))
                .eTag();
        assertThatThrownBy(() -> s3.putObject(p -> p.bucket("locks").key("counter").ifMatch(first),
                S3TestSupport.text("stale"))).isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThat(s3.headObject(h -> h.bucket("locks").key("counter")).eTag()).isEqualTo(second);
    }

    @Test
    void if_match_on_a_missing_key_is_no_such_key() {
        assertThatThrownBy(() -> s3.putObject(p -> p.bucket("locks").key("absent").ifMatch("\"abc\""),
                S3TestSupport.text("x"))).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void if_none_match_other_than_star_is_not_implemented() {
        assertThatThrownBy(() -> s3.putObject(p -> p.bucket("locks").key("k").ifNoneMatch("\"abc\""),
                S3TestSupport.text("x"))).isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.statusCode()).isEqualTo(501));
    }
}
