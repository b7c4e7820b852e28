package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.engine.Input;

/** What BatchGetItem and BatchWriteItem share: the RequestItems map and AWS's messages about it. */
final class BatchRequests {

    private BatchRequests() {
    }

    /** The RequestItems map, which must hold at least one table. */
    static JsonNode requestItems(Input input) {
        if (!input.has("RequestItems")) {
            throw DynamoDbErrors.constraint("null", "requestItems", "Member must not be null");
        }
        JsonNode requestItems = input.object("RequestItems").node();
        if (requestItems.isEmpty()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value at 'RequestItems' failed to satisfy "
                    + "constraint: Member must have length greater than or equal to 1");
        }
        return requestItems;
    }

    /** A list member of one table's entry that is empty or too long. */
    static RuntimeException memberLength(String path, boolean empty, int max) {
        return DynamoDbErrors.validation("1 validation error detected: Value at 'RequestItems." + path
                + "' failed to satisfy constraint: Member must have length "
                + (empty ? "greater than or equal to 1" : "less than or equal to " + max));
    }

    static RuntimeException duplicateKeys() {
        return DynamoDbErrors.validation("Provided list of item keys contains duplicates");
    }
}
