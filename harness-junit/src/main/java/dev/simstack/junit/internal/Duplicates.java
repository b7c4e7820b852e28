package dev.simstack.junit.internal;

import dev.simstack.core.StackConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** A resource declared twice (by the annotation and by its definition, say) would fail at CreateX; say where. */
final class Duplicates {

    private Duplicates() {
    }

    static void check(StackConfig config, String on, String definition) {
        String region = config.defaultRegion();
        once("queue", config.queues(), q -> q.name() + in(q.region(), region), on, definition);
        once("table", config.tables(), t -> t.name() + in(t.region(), region), on, definition);
        once("bucket", config.buckets(), b -> b.name(), on, definition);
        once("function", config.functions(), f -> f.name() + in(f.region(), region), on, definition);
        once("API", config.apis(), a -> a.name() + in(a.region(), region), on, definition);
    }

    private static String in(String region, String defaultRegion) {
        return " in " + (region == null ? defaultRegion : region);
    }

    private static <T> void once(String kind, List<T> specs, Function<T, String> identity, String on,
            String definition) {
        Set<String> seen = new HashSet<>();
        for (T spec : specs) {
            String id = identity.apply(spec);
            if (!seen.add(id)) {
                throw new Misuse(on + " declares " + kind + " '" + id + "' twice (in the annotation and in its"
                        + " definition " + definition + ", or twice in one of them): declare it once");
            }
        }
    }
}
