package dev.simstack.core.internal.services.lambda;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The functions of one region, by name. */
final class FunctionDirectory {

    private final ConcurrentHashMap<String, LambdaFunction> byName = new ConcurrentHashMap<>();

    LambdaFunction find(String name) {
        return byName.get(name);
    }

    /** Adds {@code function}; false if the name is taken. */
    boolean add(LambdaFunction function) {
        return byName.putIfAbsent(function.name(), function) == null;
    }

    boolean remove(LambdaFunction function) {
        return byName.remove(function.name(), function);
    }

    List<LambdaFunction> list() {
        List<LambdaFunction> all = new ArrayList<>(byName.values());
        all.sort(Comparator.comparing(LambdaFunction::name));
        return all;
    }

    int totalReserved() {
        int total = 0;
        for (LambdaFunction function : byName.values()) {
            Integer reserved = function.reservedConcurrency();
            total += reserved == null ? 0 : reserved;
        }
        return total;
    }
}
