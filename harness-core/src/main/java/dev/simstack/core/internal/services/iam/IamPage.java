package dev.simstack.core.internal.services.iam;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.Input;
import java.util.List;
import java.util.function.Function;

/**
 * One page of an IAM listing: {@code MaxItems} (1 to 1000, 100 by default) from the {@code Marker} on, and
 * {@code IsTruncated} with the next {@code Marker} when more follow. The marker is the key of the next item,
 * so a page stays right when items before it go.
 */
final class IamPage {

    private static final int DEFAULT_MAX_ITEMS = 100;

    private IamPage() {
    }

    /** The page of {@code sorted} that {@code input} asks for, its paging members written to {@code output}. */
    static <T> List<T> of(List<T> sorted, Function<T, String> key, Input input, ObjectNode output) {
        Integer maxItems = input.integer("MaxItems");
        new Violations().range("MaxItems", maxItems, 1, 1000).check();
        int size = maxItems == null ? DEFAULT_MAX_ITEMS : maxItems;
        String marker = input.string("Marker");
        int from = 0;
        if (marker != null) {
            while (from < sorted.size() && key.apply(sorted.get(from)).compareTo(marker) < 0) {
                from++;
            }
        }
        int to = Math.min(sorted.size(), from + size);
        output.put("IsTruncated", to < sorted.size());
        if (to < sorted.size()) {
            output.put("Marker", key.apply(sorted.get(to)));
        }
        return sorted.subList(from, to);
    }
}
