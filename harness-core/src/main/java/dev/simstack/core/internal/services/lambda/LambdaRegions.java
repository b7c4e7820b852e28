package dev.simstack.core.internal.services.lambda;

import dev.simstack.core.AwsService;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.StackContext;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/** Every region's Lambda state, each created on first use. */
final class LambdaRegions {

    private final StackContext context;
    private final int accountLimit;
    private final ConcurrentHashMap<String, LambdaRegion> regions = new ConcurrentHashMap<>();

    LambdaRegions(StackContext context, int accountLimit) {
        this.context = context;
        this.accountLimit = accountLimit;
    }

    StackContext context() {
        return context;
    }

    LambdaRegion region(String name) {
        return regions.computeIfAbsent(name, n -> LambdaRegion.create(n, accountLimit));
    }

    /**
     * Forgets every region (a reset); their mappings stop and drop the batches they hold, their functions'
     * class loaders close.
     */
    void reset() {
        java.util.List<LambdaRegion> old = java.util.List.copyOf(regions.values());
        regions.clear();
        old.forEach(region -> region.mappings().abandon());
        old.forEach(region -> region.functions().list().forEach(LambdaFunction::discard));
    }

    Collection<LambdaRegion> all() {
        return regions.values();
    }

    /** The function {@code ref} names in {@code region}, or ResourceNotFoundException. */
    LambdaFunction function(String region, FunctionRef ref) {
        LambdaFunction function = region(region).functions().find(ref.name());
        if (function == null) {
            throw LambdaErrors.functionNotFound(ResourceRef.function(region, context.accountId(), ref.name()).arn());
        }
        return function;
    }

    /** The function {@code ref} names (an event source mapping's, an integration's), or null. */
    LambdaFunction find(ResourceRef ref) {
        if (ref.service() != AwsService.LAMBDA || !ref.account().equals(context.accountId())) {
            return null;
        }
        return region(ref.region()).functions().find(ref.name());
    }
}
