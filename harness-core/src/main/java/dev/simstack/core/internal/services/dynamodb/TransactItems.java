package dev.simstack.core.internal.services.dynamodb;

import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import java.util.ArrayList;
import java.util.List;

/** The TransactItems list both transaction operations take: 1 to 100 actions. */
final class TransactItems {

    /** DynamoDB allows up to 100 actions per transaction. */
    static final int MAX_ACTIONS = 100;

    private TransactItems() {
    }

    static List<Input> of(Input input) {
        if (!input.has("TransactItems")) {
            throw DynamoDbErrors.constraint("null", "transactItems", "Member must not be null");
        }
        List<Input> actions = input.objectList("TransactItems");
        if (actions.isEmpty()) {
            throw DynamoDbErrors.constraint("'[]'", "transactItems",
                    "Member must have length greater than or equal to 1");
        }
        if (actions.size() > MAX_ACTIONS) {
            throw DynamoDbErrors.validation("1 validation error detected: Value at 'TransactItems' failed to satisfy "
                    + "constraint: Member must have length less than or equal to " + MAX_ACTIONS);
        }
        return actions;
    }

    /**
     * The model's constraints of a transaction, all reported at once: its own members, then the table name
     * of each action at its member path ({@code transactItems.2.member.put.tableName}).
     *
     * @param kinds the action members the operation takes: Put, Update, Delete, ConditionCheck or Get
     */
    static void checkModel(DecodedCall call, Input input, List<Input> actions, List<String> kinds) {
        List<Runnable> checks = new ArrayList<>();
        checks.add(() -> Requests.consumedCapacity(input));
        checks.add(() -> Requests.choice(input, "ReturnItemCollectionMetrics", "returnItemCollectionMetrics", "NONE",
                List.of("SIZE", "NONE")));
        for (int i = 0; i < actions.size(); i++) {
            for (String kind : kinds) {
                if (actions.get(i).has(kind)) {
                    Input body = actions.get(i).object(kind);
                    String member = "transactItems." + (i + 1) + ".member." + Character.toLowerCase(kind.charAt(0))
                            + kind.substring(1) + ".tableName";
                    checks.add(() -> Requests.table(call, body, "TableName", member));
                }
            }
        }
        ModelConstraints.checkAll(checks.toArray(Runnable[]::new));
    }
}
