package dev.simstack.core.internal.services.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import org.junit.jupiter.api.Test;

/** The HTTP byte ranges S3 honours, ignores, or refuses with 416. */
class ByteRangeTest {

    @Test
    void resolves_each_form_against_the_size() {
        assertThat(ByteRange.parse("bytes=0-9", 100)).isEqualTo(new ByteRange(0, 10));
        assertThat(ByteRange.parse("bytes=90-", 100)).isEqualTo(new ByteRange(90, 10));
        assertThat(ByteRange.parse("bytes=-10", 100)).isEqualTo(new ByteRange(90, 10));
        assertThat(ByteRange.parse("bytes=-1000", 100)).isEqualTo(new ByteRange(0, 100));
        assertThat(ByteRange.parse("bytes=50-1000", 100)).isEqualTo(new ByteRange(50, 50));
        assertThat(new ByteRange(50, 50).contentRange(100)).isEqualTo("bytes 50-99/100");
    }

    @Test
    void ignores_what_is_not_one_valid_byte_range() {
        assertThat(ByteRange.parse(null, 100)).isNull();
        assertThat(ByteRange.parse("bytes=9-1", 100)).isNull();
        assertThat(ByteRange.parse("bytes=0-1,5-6", 100)).isNull();
        assertThat(ByteRange.parse("items=0-1", 100)).isNull();
        assertThat(ByteRange.parse("bytes=-", 100)).isNull();
    }

    @Test
    void refuses_a_range_starting_past_the_end() {
        assertThatThrownBy(() -> ByteRange.parse("bytes=100-", 100)).isInstanceOfSatisfying(RestXmlError.class, e -> {
            assertThat(e.status()).isEqualTo(416);
            assertThat(e.details()).containsEntry("ActualObjectSize", "100");
        });
        assertThatThrownBy(() -> ByteRange.parse("bytes=-0", 100)).isInstanceOf(RestXmlError.class);
    }
}
