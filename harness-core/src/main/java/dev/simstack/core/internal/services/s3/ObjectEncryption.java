package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.restxml.RestOutput;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Server-side encryption as an object's headers record it: SSE-S3 ({@code AES256}, what S3 applies to
 * every object since January 2023 when nothing is asked), SSE-KMS ({@code aws:kms}, {@code aws:kms:dsse})
 * with the key's ARN and the bucket key flag. Nothing is encrypted: the headers are stored and answered.
 */
final class ObjectEncryption {

    static final String ALGORITHM = "x-amz-server-side-encryption";
    static final String KMS_KEY_ID = "x-amz-server-side-encryption-aws-kms-key-id";
    static final String BUCKET_KEY_ENABLED = "x-amz-server-side-encryption-bucket-key-enabled";
    private static final String SSE_S3 = "AES256";
    private static final Set<String> ALGORITHMS = Set.of(SSE_S3, "aws:kms", "aws:kms:dsse");

    private ObjectEncryption() {
    }

    /** The encryption a write asks for, checked, as headers to store (none: SSE-S3, answered by default). */
    static Map<String, String> requested(S3Call call) {
        String algorithm = call.header(ALGORITHM);
        String keyId = call.header(KMS_KEY_ID);
        Map<String, String> headers = new LinkedHashMap<>();
        if (algorithm != null && !ALGORITHMS.contains(algorithm)) {
            throw S3Errors.invalidArgument("The encryption method specified is not supported", ALGORITHM, algorithm);
        }
        boolean kms = algorithm != null && algorithm.startsWith("aws:kms");
        if (keyId != null && !kms) {
            throw S3Errors.invalidArgument("Server Side Encryption with AWS KMS managed key requires HTTP header "
                    + "x-amz-server-side-encryption : aws:kms", KMS_KEY_ID, keyId);
        }
        if (algorithm == null) {
            return headers;
        }
        headers.put(ALGORITHM, algorithm);
        if (kms) {
            headers.put(KMS_KEY_ID, keyArn(keyId, call));
            if ("true".equalsIgnoreCase(call.header(BUCKET_KEY_ENABLED))) {
                headers.put(BUCKET_KEY_ENABLED, "true");
            }
        }
        return headers;
    }

    /**
     * The key as S3 answers it: an ARN as given; a key id or alias made into an ARN of the request's region
     * and account; none given, the AWS managed key {@code alias/aws/s3}.
     */
    static String keyArn(String keyId, S3Call call) {
        if (keyId != null && keyId.startsWith("arn:")) {
            return keyId;
        }
        String prefix = "arn:aws:kms:" + call.region() + ":" + call.accountId() + ":";
        if (keyId == null) {
            return prefix + "alias/aws/s3";
        }
        return prefix + (keyId.startsWith("alias/") ? keyId : "key/" + keyId);
    }

    /** Answers the encryption recorded in {@code headers}: SSE-S3 when none was asked for. */
    static void answer(Map<String, String> headers, RestOutput out) {
        if (headers.containsKey(CustomerKeys.ALGORITHM)) { // SSE-C: S3 answers the key's MD5, not an algorithm
            out.header(CustomerKeys.ALGORITHM, headers.get(CustomerKeys.ALGORITHM))
                    .header(CustomerKeys.KEY_MD5, headers.get(CustomerKeys.KEY_MD5));
            return;
        }
        out.header(ALGORITHM, headers.getOrDefault(ALGORITHM, SSE_S3)).header(KMS_KEY_ID, headers.get(KMS_KEY_ID))
                .header(BUCKET_KEY_ENABLED, headers.get(BUCKET_KEY_ENABLED));
    }

    static boolean isEncryptionHeader(String name) {
        return name.equals(ALGORITHM) || name.equals(KMS_KEY_ID) || name.equals(BUCKET_KEY_ENABLED)
                || CustomerKeys.isCustomerHeader(name);
    }
}
