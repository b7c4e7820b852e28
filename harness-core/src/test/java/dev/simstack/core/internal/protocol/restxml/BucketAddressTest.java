package dev.simstack.core.internal.protocol.restxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How a Host header and a raw path name a bucket and key. */
class BucketAddressTest {

    @Test
    void path_style_takes_the_first_segment_as_the_bucket() {
        assertThat(BucketAddress.of("127.0.0.1:4566", "/photos/2026/cat.jpg"))
                .isEqualTo(new BucketAddress("photos", "2026/cat.jpg"));
        assertThat(BucketAddress.of("localhost:4566", "/photos")).isEqualTo(new BucketAddress("photos", null));
        assertThat(BucketAddress.of("localhost:4566", "/photos/")).isEqualTo(new BucketAddress("photos", null));
        assertThat(BucketAddress.of("localhost", "/")).isEqualTo(new BucketAddress(null, null));
    }

    @Test
    void virtual_hosted_style_takes_the_bucket_from_the_host() {
        assertThat(BucketAddress.of("photos.localhost:4566", "/cat.jpg")).isEqualTo(new BucketAddress("photos", "cat.jpg"));
        assertThat(BucketAddress.of("my.dotted.bucket.s3.localhost", "/k")).isEqualTo(new BucketAddress(
                "my.dotted.bucket", "k"));
        assertThat(BucketAddress.of("b.s3.eu-west-1.amazonaws.com", "/")).isEqualTo(new BucketAddress("b", null));
        assertThat(BucketAddress.of("b.s3-eu-west-1.amazonaws.com", "/k")).isEqualTo(new BucketAddress("b", "k"));
        assertThat(BucketAddress.of("S3.LOCALHOST:1", "/b/k")).isEqualTo(new BucketAddress("b", "k"));
        assertThat(BucketAddress.of("[::1]:4566", "/b/k")).isEqualTo(new BucketAddress("b", "k"));
    }

    @Test
    void keys_are_percent_decoded_as_utf8_with_plus_kept() {
        assertThat(BucketAddress.of("localhost", "/b/a%20b+c%2Fd%E2%82%AC").key()).isEqualTo("a b+c/d€");
        assertThat(BucketAddress.of("localhost", "/b//lead").key()).isEqualTo("/lead");
        assertThatThrownBy(() -> BucketAddress.of("localhost", "/b/%FF%FE")).isInstanceOfSatisfying(RestXmlError.class,
                e -> assertThat(e.code()).isEqualTo("InvalidURI"));
        assertThatThrownBy(() -> BucketAddress.of("localhost", "/b/%4")).isInstanceOf(RestXmlError.class);
    }
}
