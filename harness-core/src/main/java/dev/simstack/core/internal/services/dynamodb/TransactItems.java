package dev.simstack.core.internal.services.dynamodb;

import dev.simstack.core.internal.engine.Input;
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
}
