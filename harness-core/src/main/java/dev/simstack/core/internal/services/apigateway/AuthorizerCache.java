package dev.simstack.core.internal.services.apigateway;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cached results of an API's Lambda authorizers, as "Configure a Lambda authorizer" describes the cache:
 * per stage, keyed by the identity (the token, or the values of every identity source), for the authorizer's
 * TTL on the stack's clock. The policy is cached, not the verdict: each request's method ARN is checked against
 * it, so a policy that names one method refuses the others until it expires, as on AWS.
 */
final class AuthorizerCache {

    /** An authorizer's answer: who the caller is, the policy, the context for the integration. */
    record Result(String principalId, AuthorizerPolicy policy, Map<String, Object> context) {

        Result {
            // in the function's order (Map.copyOf's order changes from run to run, and events must not)
            context = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(context));
        }
    }

    private record Entry(Result result, Instant expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The result cached for this identity that has not expired at {@code now}, or null. */
    Result get(String stage, String authorizerId, String identity, Instant now) {
        Entry entry = entries.get(key(stage, authorizerId, identity));
        return entry == null || !entry.expiresAt().isAfter(now) ? null : entry.result();
    }

    void put(String stage, String authorizerId, String identity, Result result, Instant expiresAt) {
        entries.put(key(stage, authorizerId, identity), new Entry(result, expiresAt));
    }

    /** Forgets a stage's results (FlushStageAuthorizersCache). */
    void flushStage(String stage) {
        entries.keySet().removeIf(key -> key.startsWith(stage + "\n"));
    }

    /** Forgets an authorizer's results (it was updated or deleted). */
    void flushAuthorizer(String authorizerId) {
        entries.keySet().removeIf(key -> key.contains("\n" + authorizerId + "\n"));
    }

    private static String key(String stage, String authorizerId, String identity) {
        return stage + "\n" + authorizerId + "\n" + identity;
    }
}
