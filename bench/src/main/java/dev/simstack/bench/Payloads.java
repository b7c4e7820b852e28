package dev.simstack.bench;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The fixed message the clients send, and the digests SQS answers for it. */
final class Payloads {

    /** A small JSON body, the size of a typical event or command message. */
    static final String BODY = "{\"orderId\":\"ord-000042\",\"sku\":\"ABC-123\",\"quantity\":1}";
    /** SQS answers the hex MD5 of the body; the SDK checks it against what it sent. */
    static final String BODY_MD5 = md5Hex(BODY);

    private Payloads() {
    }

    static String md5Hex(String text) {
        return md5Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    static String md5Hex(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(bytes);
            return String.format("%032x", new BigInteger(1, digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
