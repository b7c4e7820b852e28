package dev.simstack.core.internal.ledger;

import dev.simstack.core.ResourceRef;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance per repeated name (operation, region, queue ARN, table, function...) and per
 * resource reference: each request parses its own copy of these from its headers and input, and the ledger
 * would keep every copy (about 100 bytes per request entry). Keys, ids and paths are not names and are kept
 * as given.
 */
final class Names {

    /** Past this many distinct names (a client inventing operation names), later ones are kept as given. */
    private static final int CAPACITY = 4096;

    private final ConcurrentHashMap<String, String> known = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ResourceRef, ResourceRef> resources = new ConcurrentHashMap<>();

    /** The shared instance equal to {@code name} (null stays null). */
    String of(String name) {
        return shared(known, name);
    }

    /** The shared instance equal to {@code resource} (null stays null): each request reads its own. */
    ResourceRef of(ResourceRef resource) {
        return shared(resources, resource);
    }

    private static <T> T shared(ConcurrentHashMap<T, T> known, T name) {
        if (name == null) {
            return null;
        }
        T shared = known.get(name);
        if (shared != null) {
            return shared;
        }
        if (known.size() >= CAPACITY) {
            return name;
        }
        shared = known.putIfAbsent(name, name);
        return shared == null ? name : shared;
    }
}
