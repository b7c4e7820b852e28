package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Server-side encryption with customer-provided keys (SSE-C): a write's key is checked (AES256, 256 bits,
 * its MD5 as given) and the object keeps the algorithm and the key's MD5, never the key; a read must give
 * the same key. Nothing is encrypted: the bytes are stored as given.
 */
final class CustomerKeys {

    static final String ALGORITHM = "x-amz-server-side-encryption-customer-algorithm";
    static final String KEY = "x-amz-server-side-encryption-customer-key";
    /** The stored header's name, in the case S3 answers it. */
    static final String KEY_MD5 = "x-amz-server-side-encryption-customer-key-MD5";
    /** The prefix of the headers that name the key of a copy's source. */
    static final String COPY_SOURCE = "x-amz-copy-source-";
    private static final int KEY_BYTES = 32;

    private CustomerKeys() {
    }

    static boolean isCustomerHeader(String name) {
        return name.equals(ALGORITHM) || name.equals(KEY_MD5);
    }

    /** The SSE-C headers a write stores (none without SSE-C), checked as S3 checks them. */
    static Map<String, String> forWrite(S3Call call) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (named(call, "") && call.header(ObjectEncryption.ALGORITHM) != null) {
            throw S3Errors.invalidArgument("Server Side Encryption with Customer provided key is incompatible with the"
                    + " encryption method specified", ObjectEncryption.ALGORITHM, call.header(ObjectEncryption.ALGORITHM));
        }
        String md5 = requestedMd5(call, "", true);
        if (md5 != null) {
            headers.put(ALGORITHM, "AES256");
            headers.put(KEY_MD5, md5);
        }
        return headers;
    }

    /**
     * A read of an object stored with {@code stored} headers (GetObject, HeadObject, a copy's source with
     * {@code prefix} {@value #COPY_SOURCE}): an SSE-C object needs its key, any other none.
     */
    static void checkRead(Map<String, String> stored, S3Call call, String prefix) {
        String md5 = requestedMd5(call, prefix, false);
        String storedMd5 = stored.get(KEY_MD5);
        if (storedMd5 == null) {
            if (md5 != null) {
                throw S3Errors.invalidRequest("The encryption parameters are not applicable to this object.");
            }
            return;
        }
        if (md5 == null) {
            throw S3Errors.invalidRequest("The object was stored using a form of Server Side Encryption. The correct"
                    + " parameters must be provided to retrieve the object.");
        }
        if (!md5.equals(storedMd5)) {
            throw new RestXmlError("AccessDenied", 403, "Requests specifying Server Side Encryption with Customer"
                    + " provided keys must provide the correct secret key.");
        }
    }

    /** An UploadPart names the key its upload was created with, or none if it was created without. */
    static void checkPart(Map<String, String> upload, S3Call call) {
        String md5 = requestedMd5(call, "", true);
        String uploadMd5 = upload.get(KEY_MD5);
        if ((md5 == null) != (uploadMd5 == null)) {
            throw S3Errors.invalidRequest("The multipart upload initiate requested encryption. Subsequent part"
                    + " requests must include the appropriate encryption parameters.");
        }
        if (md5 != null && !md5.equals(uploadMd5)) {
            throw S3Errors.invalidRequest("The provided encryption parameters did not match the ones used originally.");
        }
    }

    /** The header {@code name} of a request, or of a copy's source ({@code x-amz-copy-source-server-side-...}). */
    private static String header(S3Call call, String prefix, String name) {
        return call.header(prefix.isEmpty() ? name : prefix + name.substring("x-amz-".length()));
    }

    private static boolean named(S3Call call, String prefix) {
        return header(call, prefix, ALGORITHM) != null || header(call, prefix, KEY) != null
                || header(call, prefix, KEY_MD5) != null;
    }

    /**
     * The base64 MD5 of the key a request names with {@code prefix}, checked in S3's order, or null if it names
     * none; {@code checkLength}: a write's key must be 256 bits (a read's wrong key is just not the stored one).
     */
    private static String requestedMd5(S3Call call, String prefix, boolean checkLength) {
        if (!named(call, prefix)) {
            return null;
        }
        String algorithm = header(call, prefix, ALGORITHM);
        if (algorithm == null) {
            throw S3Errors.invalidArgument("Requests specifying Server Side Encryption with Customer provided keys"
                    + " must provide a valid encryption algorithm.", ObjectEncryption.ALGORITHM, null);
        }
        if (!algorithm.equals("AES256")) {
            throw new RestXmlError("InvalidEncryptionAlgorithmError", 400, "The Encryption request you specified is not"
                    + " valid. Supported value: AES256.").with("ArgumentName", ObjectEncryption.ALGORITHM)
                    .with("ArgumentValue", algorithm);
        }
        String key = header(call, prefix, KEY);
        if (key == null) {
            throw S3Errors.invalidArgument("Requests specifying Server Side Encryption with Customer provided keys"
                    + " must provide an appropriate secret key.", ObjectEncryption.ALGORITHM, null);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.trim());
        } catch (IllegalArgumentException e) {
            throw invalidKey();
        }
        String md5 = md5(bytes);
        String given = header(call, prefix, KEY_MD5);
        if (given != null && !given.trim().equals(md5)) {
            throw S3Errors.invalidArgument("The calculated MD5 hash of the key did not match the hash that was"
                    + " provided.", ObjectEncryption.ALGORITHM, null);
        }
        if (checkLength && bytes.length != KEY_BYTES) {
            throw invalidKey();
        }
        return md5;
    }

    private static RestXmlError invalidKey() {
        return S3Errors.invalidArgument("The secret key was invalid for the specified algorithm.",
                ObjectEncryption.ALGORITHM, null);
    }

    private static String md5(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
