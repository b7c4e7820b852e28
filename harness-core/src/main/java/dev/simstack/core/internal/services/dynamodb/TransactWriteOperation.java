package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * TransactWriteItems: all or nothing. Every table of the transaction is locked, every condition tested and
 * every update computed before anything is written, so a transaction is never seen half-applied; a refused
 * one answers TransactionCanceledException with one reason per action, in order. A ClientRequestToken
 * makes a retry within 10 minutes answer the first result without writing again.
 */
final class TransactWriteOperation implements DynamoDbOperation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String OPERATION = "TransactWriteItems";

    private final ItemRequests requests;
    private final ItemWriter writer;
    private final TransactionTokens tokens;
    private final DynamoDbFaultPoints faults;

    TransactWriteOperation(StackContext context, ItemRequests requests, ItemWriter writer,
            DynamoDbFaultPoints faults) {
        this.requests = requests;
        this.writer = writer;
        this.faults = faults;
        this.tokens = new TransactionTokens(context.clock());
    }

    /** Forgets the ClientRequestTokens seen (a reset). */
    void forgetTokens() {
        tokens.clear();
    }

    /**
     * What one action came to: its write (null when its key did not fit the table), the item before and
     * after, and its cancellation reason code and message.
     */
    private record Outcome(PreparedWrite write, AttributeMap before, AttributeMap after, String code, String message) {

        static Outcome invalid(String message) {
            return new Outcome(null, null, null, "ValidationError", message);
        }

        boolean succeeded() {
            return code.equals("None");
        }
    }

    @Override
    public JsonNode invoke(DecodedCall call, Input input) {
        List<Input> actions = TransactItems.of(input);
        TransactItems.checkModel(call, input, actions, List.of("Put", "Update", "Delete", "ConditionCheck"));
        String capacityMode = Requests.consumedCapacity(input);
        String token = input.string("ClientRequestToken");
        String fingerprint = token == null ? null : fingerprint(token, input);
        JsonNode earlier = token == null ? null : tokens.earlier(token, fingerprint);
        if (earlier != null) {
            return earlier;
        }
        CapacityUnits units = new CapacityUnits(capacityMode, false);
        execute(prepareAll(call, actions), units);
        ObjectNode output = NODES.objectNode();
        if (units.wanted()) {
            output.set("ConsumedCapacity", units.describeAll());
        }
        if (token != null) {
            tokens.remember(token, fingerprint, output);
        }
        return output;
    }

    /** Runs writes the engine prepared itself (no token, no capacity) as TransactWriteItems runs a request's. */
    void write(List<PreparedWrite> writes) {
        write(null, writes, new CapacityUnits("NONE", false));
    }

    /**
     * Runs the writes of a client's call that another front end prepared (PartiQL's ExecuteTransaction), with
     * the fault points TransactWriteItems applies ({@code call} null for none), charging {@code units}.
     */
    void write(DecodedCall call, List<PreparedWrite> writes, CapacityUnits units) {
        List<Outcome> prepared = new ArrayList<>();
        Set<String> items = new HashSet<>();
        for (PreparedWrite write : writes) {
            Outcome outcome = accepted(write, items);
            prepared.add(call == null || faults.conflict(call, write.table(), write.key()) == null ? outcome
                    : new Outcome(write, null, null, "TransactionConflict", DynamoDbErrors.TRANSACTION_CONFLICT));
        }
        execute(prepared, units);
    }

    /** Under the write locks of every table involved: tests every action, then writes all or none. */
    private void execute(List<Outcome> prepared, CapacityUnits units) {
        Set<Table> involved = new LinkedHashSet<>();
        prepared.stream().filter(o -> o.write != null).forEach(o -> involved.add(o.write.table()));
        TableLocks locks = TableLocks.write(involved);
        try {
            run(prepared, units);
        } finally {
            locks.close();
        }
    }

    /**
     * The request without the token, to tell a retry from a different request under the same token (also
     * ExecuteTransaction's).
     */
    static String fingerprint(String token, Input input) {
        if (token.isEmpty() || token.length() > 36) {
            throw DynamoDbErrors.constraint("'" + token + "'", "clientRequestToken",
                    "Member must have length less than or equal to 36");
        }
        ObjectNode copy = ((ObjectNode) input.node()).deepCopy();
        copy.remove("ClientRequestToken");
        copy.remove("ReturnConsumedCapacity");
        return copy.toString();
    }

    private List<Outcome> prepareAll(DecodedCall call, List<Input> actions) {
        List<Outcome> prepared = new ArrayList<>();
        Set<String> items = new HashSet<>();
        for (Input action : actions) {
            PreparedWrite write;
            try {
                write = prepare(call, action);
            } catch (AwsException e) {
                if (!isKeyShapeError(e)) {
                    throw e;
                }
                // AWS reports a mistyped key as this action's cancellation reason, not as a request error
                prepared.add(Outcome.invalid(e.getMessage()));
                continue;
            }
            Outcome outcome = accepted(write, items);
            // a fault's conflicting transaction cancels this one, as AWS does, without testing its conditions
            prepared.add(faults.conflict(call, write.table(), write.key()) == null ? outcome
                    : new Outcome(write, null, null, "TransactionConflict", DynamoDbErrors.TRANSACTION_CONFLICT));
        }
        return prepared;
    }

    /** A write that may run, unless the transaction already touches its item. */
    private static Outcome accepted(PreparedWrite write, Set<String> items) {
        if (!items.add(write.table().settings().arn() + "|" + write.key())) {
            throw DynamoDbErrors.validation("Transaction request cannot include multiple operations on one item");
        }
        return new Outcome(write, null, null, "None", null);
    }

    private PreparedWrite prepare(DecodedCall call, Input action) {
        List<String> kinds = new ArrayList<>();
        for (String kind : List.of("ConditionCheck", "Put", "Delete", "Update")) {
            if (action.has(kind)) {
                kinds.add(kind);
            }
        }
        if (kinds.size() != 1) {
            throw DynamoDbErrors.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        Input body = action.object(kinds.get(0));
        switch (kinds.get(0)) {
            case "ConditionCheck":
                return requests.conditionCheck(call, body);
            case "Put":
                return requests.put(call, body, true);
            case "Delete":
                return requests.delete(call, body, true);
            default:
                return requests.update(call, body, true);
        }
    }

    private static boolean isKeyShapeError(AwsException e) {
        String message = e.getMessage();
        return e.code().equals("ValidationException")
                && (message.equals("The provided key element does not match the schema")
                        || message.startsWith("One or more parameter values were invalid: Type mismatch for key ")
                        || message.startsWith("One or more parameter values were invalid: Missing the key "));
    }

    /** Tests every action, then writes all or none. Under the write locks of every table involved. */
    private void run(List<Outcome> prepared, CapacityUnits units) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Outcome action : prepared) {
            outcomes.add(action.write == null || !action.succeeded() ? action : evaluate(action.write));
        }
        if (!outcomes.stream().allMatch(Outcome::succeeded)) {
            cancel(outcomes);
        }
        for (Outcome outcome : outcomes) {
            PreparedWrite write = outcome.write;
            // transactional writes cost two units per KB written
            ItemOperations.chargeWrite(units, write.table(), outcome.before, outcome.after, 2);
            if (write.writes()) {
                writer.commit(write.table(), OPERATION, write.key(), outcome.before, outcome.after, true);
            }
        }
    }

    private static Outcome evaluate(PreparedWrite write) {
        AttributeMap before = write.table().get(write.key());
        if (!write.conditionHolds(before)) {
            return new Outcome(write, before, null, "ConditionalCheckFailed", DynamoDbErrors.CONDITION_FAILED);
        }
        try {
            return new Outcome(write, before, write.apply(before), "None", null);
        } catch (AwsException e) {
            return new Outcome(write, before, null, "ValidationError", e.getMessage());
        }
    }

    private void cancel(List<Outcome> outcomes) {
        ArrayNode reasons = NODES.arrayNode();
        List<String> codes = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            codes.add(outcome.code);
            ObjectNode reason = reasons.addObject().put("Code", outcome.code);
            if (outcome.message != null) {
                reason.put("Message", outcome.message);
            }
            if (outcome.code.equals("ConditionalCheckFailed")) {
                writer.refused(outcome.write.table(), OPERATION, outcome.write.key());
                if (outcome.write.returnOldOnFailure() && outcome.before != null) {
                    reason.set("Item", AttributeValueCodec.writeItem(outcome.before));
                }
            }
        }
        ObjectNode members = NODES.objectNode();
        members.set("CancellationReasons", reasons);
        throw DynamoDbErrors.transactionCanceled(String.join(", ", codes), members);
    }
}
