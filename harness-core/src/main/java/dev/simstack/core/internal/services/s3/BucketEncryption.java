package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.restxml.XmlReader;
import dev.simstack.core.internal.protocol.restxml.XmlWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A bucket's default encryption (PutBucketEncryption): the algorithm, and for SSE-KMS the key, that every
 * new object gets when its write asks for none. Recorded like an object's own encryption: nothing is
 * encrypted, the headers are stored and answered. A bucket without one answers SSE-S3, as S3 configures
 * every bucket since January 2023.
 *
 * @param algorithm {@code AES256}, {@code aws:kms} or {@code aws:kms:dsse}
 * @param keyArn the KMS key as an ARN (null for AES256, or for the AWS managed key)
 * @param bucketKeyEnabled whether S3 Bucket Keys are on
 */
record BucketEncryption(String algorithm, String keyArn, boolean bucketKeyEnabled) {

    static final BucketEncryption SSE_S3 = new BucketEncryption("AES256", null, false);
    private static final Set<String> ALGORITHMS = Set.of("AES256", "aws:kms", "aws:kms:dsse");

    /**
     * The configuration document, checked as S3 checks it: one rule with a known algorithm (MalformedXML), a
     * KMS key only with a KMS algorithm (InvalidArgument); a key id or alias becomes an ARN of {@code call}'s
     * region and account, as for an object.
     */
    static BucketEncryption parse(byte[] body, S3Call call) {
        XmlReader document = XmlReader.parse(body, "ServerSideEncryptionConfiguration");
        XmlReader rule = document.child("Rule");
        XmlReader byDefault = rule == null ? null : rule.child("ApplyServerSideEncryptionByDefault");
        String algorithm = byDefault == null ? null : byDefault.text("SSEAlgorithm");
        if (document.children("Rule").size() != 1 || algorithm == null || !ALGORITHMS.contains(algorithm)) {
            throw S3Errors.malformedXml();
        }
        String key = byDefault.text("KMSMasterKeyID");
        boolean kms = algorithm.startsWith("aws:kms");
        if (key != null && !kms) {
            throw S3Errors.invalidArgument("a KMSMasterKeyID is not applicable if the default sse algorithm is not"
                    + " aws:kms or aws:kms:dsse", "ApplyServerSideEncryptionByDefault", null);
        }
        return new BucketEncryption(algorithm, key == null ? null : ObjectEncryption.keyArn(key, call),
                "true".equals(rule.text("BucketKeyEnabled")));
    }

    String toXml() {
        return XmlWriter.document("ServerSideEncryptionConfiguration").start("Rule")
                .start("ApplyServerSideEncryptionByDefault").element("SSEAlgorithm", algorithm)
                .element("KMSMasterKeyID", keyArn).end("ApplyServerSideEncryptionByDefault")
                .element("BucketKeyEnabled", bucketKeyEnabled).end("Rule")
                .finish("ServerSideEncryptionConfiguration");
    }

    /**
     * {@code headers} of a new object with this default applied when the write asked for no encryption; a
     * KMS default without a key names the AWS managed key of the bucket's region.
     */
    Map<String, String> applyTo(Map<String, String> headers, Bucket bucket) {
        if (headers.containsKey(ObjectEncryption.ALGORITHM) || headers.containsKey(CustomerKeys.ALGORITHM)
                || algorithm.equals("AES256")) {
            return headers;
        }
        Map<String, String> applied = new LinkedHashMap<>(headers);
        applied.put(ObjectEncryption.ALGORITHM, algorithm);
        applied.put(ObjectEncryption.KMS_KEY_ID, keyArn != null ? keyArn
                : "arn:aws:kms:" + bucket.region() + ":" + bucket.ref().account() + ":alias/aws/s3");
        if (bucketKeyEnabled) {
            applied.put(ObjectEncryption.BUCKET_KEY_ENABLED, "true");
        }
        return applied;
    }
}
