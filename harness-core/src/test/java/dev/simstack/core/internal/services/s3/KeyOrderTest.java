package dev.simstack.core.internal.services.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** S3 lists keys in UTF-8 byte order; KeyOrder must agree with it for every pair of strings. */
class KeyOrderTest {

    @Property(tries = 500)
    void agrees_with_unsigned_utf8_byte_order(@ForAll String a, @ForAll String b) {
        int expected = Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8)));
        assertThat(Integer.signum(KeyOrder.INSTANCE.compare(a, b))).isEqualTo(expected);
    }

    @Property(tries = 100)
    void supplementary_characters_sort_after_the_top_of_the_bmp(@ForAll char bmp) {
        String emoji = "\uD83D\uDE00";
        if (!Character.isSurrogate(bmp)) {
            assertThat(KeyOrder.INSTANCE.compare(String.valueOf(bmp), emoji)).isNegative();
        }
    }
}
