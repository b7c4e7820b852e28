package dev.simstack.core.internal.services.apigateway;

import dev.simstack.core.internal.engine.StackContext;
import java.util.concurrent.ConcurrentHashMap;

/** Every region's API Gateway state, and API ids (unique in the stack) to their region. */
final class ApiRegions {

    private final StackContext context;
    private final ConcurrentHashMap<String, ApiRegion> regions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ApiRegion> byApiId = new ConcurrentHashMap<>();

    ApiRegions(StackContext context) {
        this.context = context;
    }

    StackContext context() {
        return context;
    }

    ApiRegion region(String name) {
        return regions.computeIfAbsent(name, n -> new ApiRegion(n, context.clock()));
    }

    void add(ApiRegion region, RestApi api) {
        region.apis().put(api.id(), api);
        byApiId.put(api.id(), region);
    }

    void remove(ApiRegion region, RestApi api) {
        region.apis().remove(api.id());
        byApiId.remove(api.id());
    }

    /** Forgets every region and API (a reset); integrations in progress finish with their requests. */
    void clear() {
        regions.clear();
        byApiId.clear();
    }

    java.util.Collection<ApiRegion> all() {
        return java.util.List.copyOf(regions.values());
    }

    /** The region of API {@code apiId}, or null. */
    ApiRegion regionOf(String apiId) {
        return byApiId.get(apiId);
    }

    /** A 10-character id of lowercase letters and digits, as API Gateway's ids look. */
    String newId() {
        String hex = context.ids().next().replace("-", "");
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            int value = Integer.parseInt(hex.substring(i * 2, i * 2 + 2), 16) % 36;
            id.append(Character.forDigit(value, 36));
        }
        return id.toString();
    }
}
