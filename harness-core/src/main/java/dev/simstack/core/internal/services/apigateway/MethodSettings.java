package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.SimClock;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A REST stage's method settings (AWS's {@code MethodSetting}), keyed as GetStage answers them: {@code ~1orders/POST}
 * for one resource's method, {@code *}{@code /*} for every method. UpdateStage sets them one field at a time
 * ({@link MethodSettingPaths}); each entry keeps AWS's full shape, a throttling limit left at -1 meaning the next
 * level's (the {@code *}{@code /*} entry's, then the account's). The throttling limits make a token bucket per
 * resource and method on the stack's clock; caching, logging and metrics are stored and answered only. Immutable:
 * a change returns new settings, which carry on the buckets whose limits did not change.
 */
final class MethodSettings {

    /** Every method of every resource. */
    static final String ALL = "*/*";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, ObjectNode> entries;
    private final Map<String, TokenBucket> buckets;

    private MethodSettings(Map<String, ObjectNode> entries, Map<String, TokenBucket> buckets) {
        this.entries = Collections.unmodifiableMap(entries);
        this.buckets = Collections.unmodifiableMap(buckets);
    }

    /** No method settings: the stage's throttle, else the account's, for every method. */
    static MethodSettings none() {
        return new MethodSettings(new TreeMap<>(), new HashMap<>());
    }

    /** The key of a resource's method: {@code /orders/{id}} and {@code GET} give {@code ~1orders~1{id}/GET}. */
    static String key(String resourcePath, String httpMethod) {
        return resourcePath.replace("~", "~0").replace("/", "~1") + "/" + httpMethod;
    }

    /** The keys that have an entry. */
    Set<String> keys() {
        return entries.keySet();
    }

    /** This entry's field with {@code value} (already validated), created with AWS's defaults where missing. */
    MethodSettings with(String key, String field, JsonNode value) {
        Map<String, ObjectNode> next = new TreeMap<>(entries);
        ObjectNode entry = entries.containsKey(key) ? entries.get(key).deepCopy() : defaults();
        entry.set(field, value);
        next.put(key, entry);
        return new MethodSettings(next, buckets);
    }

    /** Without the entry of {@code key}; null when there is none. */
    MethodSettings without(String key) {
        if (!entries.containsKey(key)) {
            return null;
        }
        Map<String, ObjectNode> next = new TreeMap<>(entries);
        next.remove(key);
        return new MethodSettings(next, buckets);
    }

    /**
     * The {@code *}{@code /*} entry's throttle: a bucket when either limit is set (the other one the account's),
     * else null. The stage-wide throttle lives in the stage ({@code RestApi.Stage#throttle}).
     */
    TokenBucket stageThrottle(TokenBucket current, SimClock clock) {
        ObjectNode all = entries.get(ALL);
        double rate = all == null ? -1 : all.path("throttlingRateLimit").asDouble();
        int burst = all == null ? -1 : all.path("throttlingBurstLimit").asInt();
        if (rate < 0 && burst < 0) {
            return null;
        }
        return bucket(current, rate < 0 ? ApiRegion.ACCOUNT_RATE : rate, burst < 0 ? ApiRegion.ACCOUNT_BURST : burst,
                clock);
    }

    /**
     * Makes each resource's and method's bucket from its limits, a limit at -1 filled from {@code stage} (or the
     * account's when the stage has none); a bucket whose limits are unchanged keeps its tokens.
     */
    MethodSettings throttled(TokenBucket stage, SimClock clock) {
        Map<String, TokenBucket> next = new HashMap<>();
        entries.forEach((key, entry) -> {
            double rate = entry.path("throttlingRateLimit").asDouble();
            int burst = entry.path("throttlingBurstLimit").asInt();
            if (key.equals(ALL) || (rate < 0 && burst < 0)) {
                return;
            }
            double filledRate = rate >= 0 ? rate : stage == null ? ApiRegion.ACCOUNT_RATE : stage.rate();
            int filledBurst = burst >= 0 ? burst : stage == null ? ApiRegion.ACCOUNT_BURST : stage.burst();
            next.put(key, bucket(buckets.get(key), filledRate, filledBurst, clock));
        });
        return new MethodSettings(entries, next);
    }

    /** The bucket of a route's resource and method, or null when the stage's applies. */
    TokenBucket bucket(String resourcePath, String httpMethod) {
        return resourcePath == null ? null : buckets.get(key(resourcePath, httpMethod));
    }

    /** GetStage's {@code methodSettings}, the stage's throttle shown as the {@code *}{@code /*} entry's limits. */
    ObjectNode json(TokenBucket stageThrottle) {
        ObjectNode json = NODES.objectNode();
        entries.forEach((key, entry) -> json.set(key, entry.deepCopy()));
        if (stageThrottle != null) {
            ObjectNode all = json.has(ALL) ? (ObjectNode) json.get(ALL) : json.set(ALL, defaults());
            all.put("throttlingBurstLimit", stageThrottle.burst());
            all.put("throttlingRateLimit", stageThrottle.rate());
        }
        return json;
    }

    /** The entries as stored in the data directory. */
    ObjectNode export() {
        ObjectNode json = NODES.objectNode();
        entries.forEach((key, entry) -> json.set(key, entry.deepCopy()));
        return json;
    }

    /** Settings read back from {@link #export()}, their buckets full. */
    static MethodSettings restore(JsonNode json, TokenBucket stage, SimClock clock) {
        Map<String, ObjectNode> entries = new TreeMap<>();
        json.fields().forEachRemaining(e -> entries.put(e.getKey(), defaults().setAll((ObjectNode) e.getValue())));
        return new MethodSettings(entries, new HashMap<>()).throttled(stage, clock);
    }

    private static TokenBucket bucket(TokenBucket current, double rate, int burst, SimClock clock) {
        return current != null && current.rate() == rate && current.burst() == burst ? current
                : new TokenBucket(rate, burst, clock);
    }

    /** A field's value in a new entry. */
    static JsonNode defaultOf(String field) {
        return defaults().get(field);
    }

    /** A new entry as AWS shows one: nothing enabled, no throttle of its own, AWS's caching defaults. */
    private static ObjectNode defaults() {
        return NODES.objectNode().put("metricsEnabled", false).put("loggingLevel", "OFF")
                .put("dataTraceEnabled", false).put("throttlingBurstLimit", -1).put("throttlingRateLimit", -1.0)
                .put("cachingEnabled", false).put("cacheTtlInSeconds", 300).put("cacheDataEncrypted", false)
                .put("requireAuthorizationForCacheControl", true)
                .put("unauthorizedCacheControlHeaderStrategy", "SUCCEED_WITH_RESPONSE_HEADER");
    }
}
