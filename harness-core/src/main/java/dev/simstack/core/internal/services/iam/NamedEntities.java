package dev.simstack.core.internal.services.iam;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The entities of one kind (roles, users, groups, instance profiles) by name, unique whatever its case, with
 * IAM's messages for a name that is missing or taken.
 *
 * @param <T> the kind of entity
 */
final class NamedEntities<T> {

    private final Map<String, T> byName = new HashMap<>();
    private final Function<T, String> nameOf;
    private final String missing;
    private final String taken;

    /**
     * @param missing the NoSuchEntity message, with {@code %s} for the name
     * @param taken the EntityAlreadyExists message, with {@code %s} for the name
     */
    NamedEntities(Function<T, String> nameOf, String missing, String taken) {
        this.nameOf = nameOf;
        this.missing = missing;
        this.taken = taken;
    }

    T find(String name) {
        return name == null ? null : byName.get(IamNames.key(name));
    }

    T get(String name) {
        T entity = find(name);
        if (entity == null) {
            throw IamErrors.noSuchEntity(missing.formatted(name));
        }
        return entity;
    }

    /** Throws EntityAlreadyExists if {@code name} is taken. */
    void checkFree(String name) {
        if (find(name) != null) {
            throw IamErrors.entityAlreadyExists(taken.formatted(name));
        }
    }

    void add(T entity) {
        checkFree(nameOf.apply(entity));
        byName.put(IamNames.key(nameOf.apply(entity)), entity);
    }

    void remove(T entity) {
        byName.remove(IamNames.key(nameOf.apply(entity)));
    }

    /** Every entity, by name regardless of case, as the List* calls answer them. */
    List<T> sorted() {
        List<T> all = new ArrayList<>(byName.values());
        all.sort(Comparator.comparing(entity -> IamNames.key(nameOf.apply(entity))));
        return all;
    }

    void clear() {
        byName.clear();
    }
}
