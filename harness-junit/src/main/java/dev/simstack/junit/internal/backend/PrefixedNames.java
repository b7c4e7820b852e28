package dev.simstack.junit.internal.backend;

import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Lets a test use the names it declared on a backend that prefixes them: on the injected clients, a request
 * whose {@code TableName}, {@code Bucket} or {@code QueueName} is a declared name goes out with the prefixed one.
 * Only those top-level members are rewritten: names inside batch and transaction maps, copy sources, and names in
 * responses ({@code ListTables}), stay as the backend has them.
 *
 * <p>An S3 bucket is renamed in the request and, where the SDK resolved its endpoint from the bucket before a
 * client's own interceptors see the request (2.40 does, 2.59 does not), in the HTTP request as well (its first
 * path segment, or its host's first label when virtual-hosted), which is still before the request is signed.
 */
final class PrefixedNames implements ExecutionInterceptor {

    private static final String BUCKET = "Bucket";

    /** Request member name to (declared name to name on the backend). */
    private final Map<String, Map<String, String>> names;
    private final Map<String, String> buckets;
    private final Map<String, String> declaredBuckets;

    PrefixedNames(Map<String, String> tables, Map<String, String> buckets, Map<String, String> queues,
            Map<String, String> functions) {
        this.names = Map.of("TableName", tables, "QueueName", queues, BUCKET, buckets, "FunctionName", functions);
        this.buckets = buckets;
        this.declaredBuckets = buckets.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
            ExecutionAttributes executionAttributes) {
        SdkHttpRequest http = context.httpRequest();
        // The request's Bucket is already renamed (modifyRequest); whether the SDK resolved the endpoint before
        // that (2.40) or after (2.59) depends on its version, so the HTTP request may still carry the declared name.
        String named = context.request().getValueForField(BUCKET, String.class).orElse(null);
        String bucket = named == null ? null : buckets.containsKey(named) ? named : declaredBuckets.get(named);
        if (bucket == null) {
            return http;
        }
        String renamed = buckets.get(bucket);
        String path = http.encodedPath();
        if (path.equals("/" + bucket) || path.startsWith("/" + bucket + "/")) {
            return http.toBuilder().encodedPath("/" + renamed + path.substring(bucket.length() + 1)).build();
        }
        if (http.host().startsWith(bucket + ".")) {
            return http.toBuilder().host(renamed + http.host().substring(bucket.length())).build();
        }
        return http;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes executionAttributes) {
        SdkRequest request = context.request();
        SdkRequest.Builder builder = null;
        for (SdkField<?> field : request.sdkFields()) {
            Map<String, String> renamed = names.get(field.memberName());
            Object value = renamed == null ? null : field.getValueOrDefault(request);
            if (value instanceof String && renamed.containsKey(value)) {
                builder = builder == null ? request.toBuilder() : builder;
                field.set(builder, renamed.get(value));
            }
        }
        return builder == null ? request : builder.build();
    }
}
