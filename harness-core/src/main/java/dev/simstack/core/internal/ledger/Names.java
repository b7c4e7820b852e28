package dev.simstack.core.internal.ledger;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance per repeated name (service, operation, region...) and per resource
 * ({@link dev.simstack.core.ResourceRef}: queue, table, bucket, function, API): each request parses its own
 * copy of these from its headers, and the ledger would keep every copy (about 100 bytes per request entry).
 * Keys, ids and paths are not names and are kept as given.
 */
final class Names {

    /** Past this many distinct names (a client inventing operation names), later ones are kept as given. */
    private static final int CAPACITY = 4096;

    private final ConcurrentHashMap<Object, Object> known = new ConcurrentHashMap<>();

    /** The shared instance equal to {@code name}, a String or a ResourceRef (null stays null). */
    @SuppressWarnings("unchecked") // a value is always the key it was stored under, so of the key's type
    <T> T of(T name) {
        if (name == null) {
            return null;
        }
        T shared = (T) known.get(name);
        if (shared != null) {
            return shared;
        }
        if (known.size() >= CAPACITY) {
            return name;
        }
        shared = (T) known.putIfAbsent(name, name);
        return shared == null ? name : shared;
    }
}
