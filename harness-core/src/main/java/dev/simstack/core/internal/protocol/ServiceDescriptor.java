package dev.simstack.core.internal.protocol;


/**
 * What the protocol codecs need to know of a service.
 *
 * @param signingName the SigV4 service name, e.g. {@code sqs}
 * @param jsonTargetPrefix the {@code X-Amz-Target} prefix, e.g. {@code AmazonSQS}
 * @param jsonVersion {@code 1.0} or {@code 1.1}
 * @param errorNamespace the namespace of {@code __type} in JSON errors, e.g. {@code com.amazonaws.sqs}
 * @param queryCompatible true if JSON errors also carry the {@code x-amzn-query-error} header
 * @param crc32 true if JSON responses carry {@code x-amz-crc32} (DynamoDB)
 * @param queryShapes how Query protocol parameters and XML map to the JSON shape; null if none
 */
public record ServiceDescriptor(String signingName, String jsonTargetPrefix, String jsonVersion,
        String errorNamespace, boolean queryCompatible, boolean crc32, QueryShapes queryShapes) {
}
