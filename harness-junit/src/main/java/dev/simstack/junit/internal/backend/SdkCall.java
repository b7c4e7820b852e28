package dev.simstack.junit.internal.backend;

import dev.simstack.core.AwsService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;

/**
 * What a fault rule matches of a call an injected client makes: its service, operation, region, and the declared
 * name of the queue, table, bucket or function it addresses (null when it addresses none).
 */
record SdkCall(AwsService service, String operation, String region, String resource) {

    /** The request members that name a resource, in the order they are looked for. */
    private static final List<String> NAMING = List.of("QueueUrl", "QueueName", "TableName", "Bucket", "FunctionName");

    /**
     * The call {@code request} makes to the service the SDK calls {@code serviceName} (e.g. {@code Sqs}); empty
     * when faults cannot name that service. A name the backend prefixed reads as declared through {@code declared}.
     */
    static Optional<SdkCall> of(String serviceName, String operation, String region, SdkRequest request,
            Map<String, String> declared) {
        AwsService service;
        try {
            service = AwsService.bySigningName(serviceName.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String resource = null;
        for (String member : NAMING) {
            String value = request.getValueForField(member, String.class).orElse(null);
            if (value != null) {
                resource = lastSegment(value, member);
                break;
            }
        }
        return Optional.of(new SdkCall(service, operation, region, resource == null ? null
                : declared.getOrDefault(resource, resource)));
    }

    /** A queue's name from its URL, a function's from its ARN; other names as they are. */
    private static String lastSegment(String value, String member) {
        if (member.equals("QueueUrl")) {
            return value.substring(value.lastIndexOf('/') + 1);
        }
        if (member.equals("FunctionName") && value.startsWith("arn:")) {
            String[] parts = value.split(":");
            return parts.length > 6 ? parts[6] : value;
        }
        return value;
    }
}
