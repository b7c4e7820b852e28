package dev.simstack.junit.internal.backend;

import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Lets a test use the names it declared on a backend that prefixes them: on the injected clients, a request
 * whose {@code TableName}, {@code Bucket} or {@code QueueName} is a declared name goes out with the prefixed one.
 * Only those top-level members are rewritten: names inside batch and transaction maps, and names in responses
 * ({@code ListTables}), stay as the backend has them.
 */
final class PrefixedNames implements ExecutionInterceptor {

    /** Request member name to (declared name to name on the backend). */
    private final Map<String, Map<String, String>> names;

    PrefixedNames(Map<String, String> tables, Map<String, String> buckets, Map<String, String> queues) {
        this.names = Map.of("TableName", tables, "Bucket", buckets, "QueueName", queues);
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
