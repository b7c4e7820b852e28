package dev.simstack.core.internal.services.apigateway;

import dev.simstack.core.SimClock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API Gateway state of one region: APIs, usage plans and API keys, and the account-level throttle
 * ("10,000 requests per second with a burst of 5,000 requests" per account and region).
 */
final class ApiRegion {

    /**
     * An API key: a disabled key admits no request. Dates are milliseconds on the stack's clock.
     */
    record ApiKey(String id, String name, String value, boolean enabled, long createdAt, String description,
            String customerId, long updatedAt) {

        ApiKey(String id, String name, String value, boolean enabled, long createdAt) {
            this(id, name, value, enabled, createdAt, null, null, createdAt);
        }
    }

    static final double ACCOUNT_RATE = 10_000;
    static final int ACCOUNT_BURST = 5_000;

    private final String name;
    private final Map<String, RestApi> apis = new ConcurrentHashMap<>();
    private final Map<String, UsagePlanState> plans = new ConcurrentHashMap<>();
    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();
    private final Map<String, CustomDomain> domainNames = new ConcurrentHashMap<>();
    private final TokenBucket account;

    ApiRegion(String name, SimClock clock) {
        this.name = name;
        this.account = new TokenBucket(ACCOUNT_RATE, ACCOUNT_BURST, clock);
    }

    String name() {
        return name;
    }

    Map<String, RestApi> apis() {
        return apis;
    }

    Map<String, UsagePlanState> plans() {
        return plans;
    }

    Map<String, ApiKey> keys() {
        return keys;
    }

    /** Custom domain names by name (apigateway's and apigatewayv2's, one namespace). */
    Map<String, CustomDomain> domainNames() {
        return domainNames;
    }

    TokenBucket account() {
        return account;
    }

    /** The enabled key with this value, or null. */
    ApiKey keyByValue(String value) {
        for (ApiKey key : keys.values()) {
            if (key.enabled() && key.value().equals(value)) {
                return key;
            }
        }
        return null;
    }
}
