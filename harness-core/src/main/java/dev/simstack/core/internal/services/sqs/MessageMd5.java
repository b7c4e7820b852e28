package dev.simstack.core.internal.services.sqs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The MD5 digests SQS returns and the SDK verifies (SQS Developer Guide, "Calculating the MD5 message
 * digest for message attributes"): of the body, its UTF-8 bytes; of the attributes, for each attribute in
 * name order the name, the data type and the value, each as a 4-byte big-endian length and its bytes, with
 * a transport-type byte (1 String/Number, 2 Binary) before the value.
 */
public final class MessageMd5 {

    private static final byte STRING_TRANSPORT = 1;
    private static final byte BINARY_TRANSPORT = 2;

    private MessageMd5() {
    }

    public static String ofBody(String body) {
        MessageDigest md5 = digest();
        md5.update(body.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md5.digest());
    }

    /** The digest of {@code attributes}, whose iteration order must be by name (a sorted map). */
    public static String ofAttributes(Map<String, MessageAttributeValue> attributes) {
        MessageDigest md5 = digest();
        for (Map.Entry<String, MessageAttributeValue> attribute : attributes.entrySet()) {
            MessageAttributeValue value = attribute.getValue();
            lengthPrefixed(md5, attribute.getKey().getBytes(StandardCharsets.UTF_8));
            lengthPrefixed(md5, value.dataType().getBytes(StandardCharsets.UTF_8));
            if (value.binary()) {
                md5.update(BINARY_TRANSPORT);
                lengthPrefixed(md5, value.binaryValue());
            } else {
                md5.update(STRING_TRANSPORT);
                lengthPrefixed(md5, value.stringValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static void lengthPrefixed(MessageDigest md5, byte[] bytes) {
        md5.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        md5.update(bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no MD5, which every Java platform must provide", e);
        }
    }
}
