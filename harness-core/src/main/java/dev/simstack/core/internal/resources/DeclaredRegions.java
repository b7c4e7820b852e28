package dev.simstack.core.internal.resources;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.BucketSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.StackConfig;
import dev.simstack.core.TableSpec;
import java.util.List;

/**
 * The region of each declaration (its own, or the stack's default), checked against the stack's regions
 * before anything is created: a resource or replica in a region the stack does not have is a mistake in
 * the configuration, named with the regions it has.
 */
final class DeclaredRegions {

    private final List<String> regions;
    private final String defaultRegion;

    private DeclaredRegions(StackConfig config) {
        this.regions = config.regions();
        this.defaultRegion = config.defaultRegion();
    }

    static DeclaredRegions check(StackConfig config) {
        DeclaredRegions declared = new DeclaredRegions(config);
        for (TableSpec table : config.tables()) {
            declared.check("table", table.name(), table.region());
            for (String replica : table.replicas()) {
                declared.checkReplica(table, replica);
            }
        }
        config.buckets().forEach(bucket -> declared.check("bucket", bucket.name(), bucket.region()));
        config.queues().forEach(queue -> declared.check("queue", queue.name(), queue.region()));
        config.functions().forEach(function -> declared.check("function", function.name(), function.region()));
        config.apis().forEach(api -> declared.check("API", api.name(), api.region()));
        return declared;
    }

    String of(TableSpec table) {
        return or(table.region());
    }

    String of(BucketSpec bucket) {
        return or(bucket.region());
    }

    String of(QueueSpec queue) {
        return or(queue.region());
    }

    String of(FunctionSpec function) {
        return or(function.region());
    }

    String of(ApiSpec api) {
        return or(api.region());
    }

    private String or(String region) {
        return region != null ? region : defaultRegion;
    }

    private void check(String kind, String name, String region) {
        if (region != null && !regions.contains(region)) {
            throw new IllegalArgumentException("declared " + kind + " '" + name + "' is in " + region
                    + ", which is not one of the stack's regions " + regions + "; add it with"
                    + " StackConfig.withRegions(...)");
        }
    }

    private void checkReplica(TableSpec table, String replica) {
        String home = of(table);
        if (replica.equals(home)) {
            throw new IllegalArgumentException("declared table '" + table.name() + "' lists its own region " + home
                    + " as a replica; list only the other regions");
        }
        if (!regions.contains(replica)) {
            throw new IllegalArgumentException("declared table '" + table.name() + "' has a replica in " + replica
                    + ", which is not one of the stack's regions " + regions + "; add it with"
                    + " StackConfig.withRegions(...)");
        }
    }
}
