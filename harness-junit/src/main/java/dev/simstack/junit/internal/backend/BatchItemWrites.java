package dev.simstack.junit.internal.backend;

import static dev.simstack.junit.internal.backend.ClientEffects.list;
import static dev.simstack.junit.internal.backend.ClientEffects.member;

import dev.simstack.core.LedgerEntry.ConditionOutcome;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The item writes inside BatchWriteItem and TransactWriteItems, item by item, as the engine records them: a batch's
 * puts and deletes applied but those the answer hands back as {@code UnprocessedItems}; a transaction's writes all
 * applied, or, when it is canceled, those whose cancellation reason is {@code ConditionalCheckFailed} refused and
 * the others not written at all.
 */
final class BatchItemWrites {

    static final Set<String> OPERATIONS = Set.of("BatchWriteItem", "TransactWriteItems");

    /** A transaction item's members, one of which is set; a condition check writes nothing. */
    private static final List<String> TRANSACT_WRITES = List.of("Put", "Update", "Delete");
    private static final String CONDITION_CHECK = "ConditionCheck";

    private final ClientEffects effects;
    private final Map<String, String> declared;

    BatchItemWrites(ClientEffects effects, Map<String, String> declared) {
        this.effects = effects;
        this.declared = declared;
    }

    /** Records the writes of a batch or transaction the service answered. */
    void answered(SdkCall call, Object request, Object response) {
        if (call.operation().equals("BatchWriteItem")) {
            Set<String> unprocessed = new HashSet<>();
            eachBatchWrite(member(response, "UnprocessedItems"), (table, item) -> unprocessed.add(table + "/"
                    + effects.keyOf(table, item)));
            eachBatchWrite(member(request, "RequestItems"), (table, item) -> {
                if (!unprocessed.contains(table + "/" + effects.keyOf(table, item))) {
                    effects.itemWrite(call.region(), table, item, call.operation(), ConditionOutcome.APPLIED);
                }
            });
        } else {
            for (Object transactItem : list(member(request, "TransactItems"))) {
                for (String kind : TRANSACT_WRITES) {
                    Object write = member(transactItem, kind);
                    if (write != null) {
                        effects.itemWrite(call.region(), table(write), itemOf(write), call.operation(),
                                ConditionOutcome.APPLIED);
                    }
                }
            }
        }
    }

    /** Records the refused writes of a canceled transaction: the reasons come in the order of the items. */
    void canceled(SdkCall call, Object request, Object failure) {
        List<?> items = list(member(request, "TransactItems"));
        List<?> reasons = list(member(failure, "CancellationReasons"));
        for (int i = 0; i < Math.min(items.size(), reasons.size()); i++) {
            if (!"ConditionalCheckFailed".equals(member(reasons.get(i), "Code"))) {
                continue;
            }
            for (String kind : List.of("Put", "Update", "Delete", CONDITION_CHECK)) {
                Object write = member(items.get(i), kind);
                if (write != null) {
                    effects.itemWrite(call.region(), table(write), itemOf(write), call.operation(),
                            ConditionOutcome.CONDITION_FAILED);
                }
            }
        }
    }

    /** Calls {@code each} with the declared table and the item (a put's) or key (a delete's) of every write. */
    private void eachBatchWrite(Object requestItems, java.util.function.BiConsumer<String, Object> each) {
        if (!(requestItems instanceof Map<?, ?> byTable)) {
            return;
        }
        byTable.forEach((table, writes) -> {
            String name = declared.getOrDefault((String) table, (String) table);
            for (Object write : list(writes)) {
                Object put = member(write, "PutRequest");
                each.accept(name, put != null ? member(put, "Item") : member(member(write, "DeleteRequest"), "Key"));
            }
        });
    }

    private String table(Object write) {
        String name = (String) member(write, "TableName");
        return name == null ? null : declared.getOrDefault(name, name);
    }

    /** A transaction put's item, or the key of the other kinds. */
    private static Object itemOf(Object write) {
        Object item = member(write, "Item");
        return item != null ? item : member(write, "Key");
    }
}
