package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.internal.services.sqs.MessageAttributeValue;
import dev.simstack.core.internal.services.sqs.MessageMd5;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.internal.MessageMD5ChecksumInterceptor;

/** The digests must be exactly AWS's: the SDK recomputes them and rejects a mismatch. */
class MessageMd5Test {

    @Test
    void body_digest_is_md5_hex_of_utf8_body() {
        assertThat(MessageMd5.ofBody("hello")).isEqualTo("5d41402abc4b2a76b9719d911017c592");
        assertThat(MessageMd5.ofBody("")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    }

    @Test
    void attribute_digest_matches_a_known_value() {
        // One String attribute: len("a")+"a" + len("String")+"String" + 0x01 + len("b")+"b", MD5.
        Map<String, MessageAttributeValue> attributes = new TreeMap<>();
        attributes.put("a", new MessageAttributeValue("String", "b", null));
        assertThat(MessageMd5.ofAttributes(attributes)).isEqualTo(md5OfKnownLayout());
    }

    @Test
    void attribute_digest_matches_the_sdk_for_every_data_type() throws Exception {
        Map<String, MessageAttributeValue> ours = new TreeMap<>();
        Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> sdk = new LinkedHashMap<>();
        put(ours, sdk, "zeta", "String", "last by name", null);
        put(ours, sdk, "count", "Number.int", "42", null);
        put(ours, sdk, "blob", "Binary", null, new byte[] {0, 1, 2, (byte) 0xFF});
        put(ours, sdk, "Émoji", "String.utf8", "héllo 🌍", null);
        assertThat(MessageMd5.ofAttributes(ours)).isEqualTo(sdkDigest(sdk));
    }

    @Property(tries = 200)
    void attribute_digest_agrees_with_the_sdk(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String name,
            @ForAll @StringLength(min = 1, max = 50) String value) throws Exception {
        Map<String, MessageAttributeValue> ours = new TreeMap<>();
        Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> sdk = new LinkedHashMap<>();
        put(ours, sdk, name, "String", value, null);
        put(ours, sdk, name + "2", "Number", "1.5", null);
        assertThat(MessageMd5.ofAttributes(ours)).isEqualTo(sdkDigest(sdk));
    }

    private static void put(Map<String, MessageAttributeValue> ours,
            Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> sdk, String name, String type,
            String text, byte[] bytes) {
        ours.put(name, new MessageAttributeValue(type, text, bytes));
        sdk.put(name, software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder().dataType(type)
                .stringValue(text).binaryValue(bytes == null ? null : SdkBytes.fromByteArray(bytes)).build());
    }

    /** The SDK's own implementation, which is what checks our answers on the wire. */
    private static String sdkDigest(Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> map)
            throws Exception {
        Method method = MessageMD5ChecksumInterceptor.class.getDeclaredMethod("calculateMessageAttributesMd5",
                Map.class);
        method.setAccessible(true);
        return (String) method.invoke(null, map);
    }

    private static String md5OfKnownLayout() {
        byte[] layout = {0, 0, 0, 1, 'a', 0, 0, 0, 6, 'S', 't', 'r', 'i', 'n', 'g', 1, 0, 0, 0, 1, 'b'};
        try {
            byte[] digest = java.security.MessageDigest.getInstance("MD5").digest(layout);
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void utf8_bytes_not_chars_are_hashed() {
        assertThat(MessageMd5.ofBody("é")).isEqualTo(java.util.HexFormat.of().formatHex(md5("é".getBytes(
                StandardCharsets.UTF_8))));
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("MD5").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
