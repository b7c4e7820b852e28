package dev.simstack.core.internal.services.dynamodb;

import dev.simstack.core.DynamoDbHook;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import java.util.Base64;
import java.util.List;

/**
 * Asks the stack's {@link DynamoDbHook}s at an item request's fault points (a hot partition's throttling, a
 * conflicting transaction) and notes the fault that answered on the request. With no hooks (the common case)
 * nothing is computed.
 */
final class DynamoDbFaultPoints {

    private final StackContext context;

    DynamoDbFaultPoints(StackContext context) {
        this.context = context;
    }

    /**
     * Throws {@code ProvisionedThroughputExceededException} when a hook throttles the item's partition key.
     *
     * @throws dev.simstack.core.AwsException the throttling error
     */
    void checkThrottle(DecodedCall call, Table table, AttributeMap key, boolean write) {
        List<DynamoDbHook> hooks = context.hooks(DynamoDbHook.class);
        if (hooks.isEmpty()) {
            return;
        }
        String partitionKey = partitionKey(table, key);
        for (DynamoDbHook hook : hooks) {
            String fault = hook.throttlesPartition(table.settings().ref(), partitionKey, write);
            if (fault != null) {
                call.noteFault(fault);
                throw DynamoDbErrors.keyRangeThrottled(table.settings().arn(), write);
            }
        }
    }

    /** The name of the fault that finds the item in another transaction (noted on the call), or null. */
    String conflict(DecodedCall call, Table table, AttributeMap key) {
        List<DynamoDbHook> hooks = context.hooks(DynamoDbHook.class);
        if (hooks.isEmpty()) {
            return null;
        }
        String partitionKey = partitionKey(table, key);
        for (DynamoDbHook hook : hooks) {
            String fault = hook.transactionConflict(call.operation(), table.settings().ref(), partitionKey);
            if (fault != null) {
                call.noteFault(fault);
                return fault;
            }
        }
        return null;
    }

    /** The partition key's value as a fault matches it: a string as is, a number as written, binary as Base64. */
    static String partitionKey(Table table, AttributeMap key) {
        AttributeValue value = table.keys().hash(key);
        if (value instanceof AttributeValue.S text) {
            return text.value();
        }
        if (value instanceof AttributeValue.N number) {
            return number.value().toPlainString();
        }
        if (value instanceof AttributeValue.B binary) {
            return Base64.getEncoder().encodeToString(binary.bytes());
        }
        return String.valueOf(value);
    }
}
