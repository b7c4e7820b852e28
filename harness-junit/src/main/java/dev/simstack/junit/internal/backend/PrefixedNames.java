package dev.simstack.junit.internal.backend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.utils.builder.SdkBuilder;
import software.amazon.awssdk.utils.builder.ToCopyableBuilder;

/**
 * Lets a test use the names it declared on a backend that prefixes them: on the injected clients, a request
 * whose {@code TableName}, {@code Bucket}, {@code QueueName} or {@code FunctionName} is a declared name goes out
 * with the prefixed one, and so do the tables inside DynamoDB's batches ({@code RequestItems}' keys) and
 * transactions (each action's {@code TableName}). Copy sources, and names in responses ({@code ListTables},
 * {@code UnprocessedItems}), stay as the backend has them.
 *
 * <p>An S3 bucket is renamed in the request and, where the SDK resolved its endpoint from the bucket before a
 * client's own interceptors see the request (2.40 does, 2.59 does not), in the HTTP request as well (its first
 * path segment, or its host's first label when virtual-hosted), which is still before the request is signed.
 */
final class PrefixedNames implements ExecutionInterceptor {

    private static final String BUCKET = "Bucket";
    private static final String TABLE = "TableName";
    /** DynamoDB's members that hold tables inside: a batch's map by table, a transaction's actions. */
    private static final Set<String> NESTED = Set.of("RequestItems", "TransactItems", "Put", "Update", "Delete",
            "ConditionCheck", "Get");

    /** Request member name to (declared name to name on the backend). */
    private final Map<String, Map<String, String>> names;
    private final Map<String, String> buckets;
    private final Map<String, String> declaredBuckets;

    PrefixedNames(Map<String, String> tables, Map<String, String> buckets, Map<String, String> queues,
            Map<String, String> functions) {
        this.names = Map.of(TABLE, tables, "QueueName", queues, BUCKET, buckets, "FunctionName", functions);
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
        return (SdkRequest) renamed(context.request());
    }

    /** {@code pojo} with its naming members renamed, and those of the batches and actions it holds. */
    private Object renamed(SdkPojo pojo) {
        Object builder = null;
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            Object renamed = renamed(field.memberName(), value);
            if (renamed != value) {
                builder = builder == null ? ((ToCopyableBuilder<?, ?>) pojo).toBuilder() : builder;
                field.set(builder, renamed);
            }
        }
        return builder == null ? pojo : ((SdkBuilder<?, ?>) builder).build();
    }

    /** The value of {@code member} renamed, or the same instance when nothing in it is renamed. */
    private Object renamed(String member, Object value) {
        Map<String, String> renamed = names.get(member);
        if (renamed != null && value instanceof String name) {
            return renamed.getOrDefault(name, name);
        }
        if (!NESTED.contains(member)) {
            return value;
        }
        if (value instanceof SdkPojo pojo && pojo instanceof ToCopyableBuilder) {
            return renamed(pojo);
        }
        if (value instanceof List<?> actions) {
            List<Object> copy = actions.stream().map(action -> action instanceof SdkPojo pojo
                    && pojo instanceof ToCopyableBuilder ? renamed(pojo) : action).collect(Collectors.toList());
            return copy.equals(actions) ? value : copy;
        }
        if (value instanceof Map<?, ?> byTable && member.equals("RequestItems")) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            byTable.forEach((table, writes) -> copy.put(names.get(TABLE).getOrDefault(table, (String) table), writes));
            return copy.keySet().equals(byTable.keySet()) ? value : copy;
        }
        return value;
    }
}
