package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.protocol.ErrorBodyMembers;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import dev.simstack.core.internal.services.dynamodb.item.ItemSize;
import dev.simstack.core.internal.services.dynamodb.partiql.PartiqlErrors;
import dev.simstack.core.internal.services.dynamodb.partiql.PartiqlStatement;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * ExecuteTransaction: up to 100 statements, all reads (each naming one item, read in one snapshot as
 * TransactGetItems reads) or all writes (run all or nothing by TransactWriteItems' machinery, so a refused
 * one answers TransactionCanceledException with one reason per statement). A ClientRequestToken makes a
 * retry within 10 minutes answer the first result without writing again.
 */
final class PartiqlTransactions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_STATEMENTS = 100;

    private final PartiqlReads reads;
    private final PartiqlWrites writes;
    private final TransactWriteOperation transactWrite;
    private final TransactionTokens tokens;

    PartiqlTransactions(StackContext context, PartiqlReads reads, PartiqlWrites writes,
            TransactWriteOperation transactWrite) {
        this.reads = reads;
        this.writes = writes;
        this.transactWrite = transactWrite;
        this.tokens = new TransactionTokens(context.clock());
    }

    /** Forgets the ClientRequestTokens seen (a reset). */
    void forgetTokens() {
        tokens.clear();
    }

    JsonNode executeTransaction(DecodedCall call, Input input) {
        String capacityMode = Requests.consumedCapacity(input);
        List<Input> entries = PartiqlRequests.entries(input, "TransactStatements", MAX_STATEMENTS);
        String token = input.string("ClientRequestToken");
        String fingerprint = token == null ? null : TransactWriteOperation.fingerprint(token, input);
        JsonNode earlier = token == null ? null : tokens.earlier(token, fingerprint);
        if (earlier != null) {
            return earlier;
        }
        List<PartiqlStatement> statements = parseAll(entries);
        boolean allReads = statements.stream().allMatch(PartiqlStatement::reads);
        if (!allReads && statements.stream().anyMatch(PartiqlStatement::reads)) {
            throw DynamoDbErrors.validation(
                    "ExecuteTransaction API does not support both read and write operations in the same request.");
        }
        ObjectNode output = allReads ? read(call, statements, capacityMode)
                : write(call, entries, statements, capacityMode);
        if (token != null) {
            tokens.remember(token, fingerprint, output);
        }
        return output;
    }

    /** Parses every statement; AWS names the one it refuses. */
    private static List<PartiqlStatement> parseAll(List<Input> entries) {
        List<PartiqlStatement> statements = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                statements.add(PartiqlRequests.parse(entries.get(i), "transactStatements.member."));
            } catch (AwsException e) {
                if (!e.code().equals("ValidationException")) {
                    throw e;
                }
                throw DynamoDbErrors.validation("Validation failed in TransactStatements[" + i + "]: "
                        + e.getMessage());
            }
        }
        return statements;
    }

    private ObjectNode read(DecodedCall call, List<PartiqlStatement> statements, String capacityMode) {
        List<PartiqlReads.SingleRead> singles = new ArrayList<>();
        for (PartiqlStatement statement : statements) {
            singles.add(single(call, (PartiqlStatement.Select) statement));
        }
        Set<Table> involved = new LinkedHashSet<>();
        singles.forEach(single -> involved.add(single.table()));
        CapacityUnits units = new CapacityUnits(capacityMode, true);
        ObjectNode output = NODES.objectNode();
        ArrayNode responses = output.putArray("Responses");
        TableLocks locks = TableLocks.read(involved);
        try {
            for (PartiqlReads.SingleRead single : singles) {
                ObjectNode response = responses.addObject();
                AttributeMap item = single.read();
                if (item != null) {
                    response.set("Item", AttributeValueCodec.writeItem(item));
                }
                AttributeMap stored = single.table().get(single.key());
                // a transactional read costs two strongly consistent reads
                units.table(single.table().name(), 2 * CapacityUnits.readUnits(stored == null ? 0
                        : ItemSize.of(stored), true));
            }
        } finally {
            locks.close();
        }
        if (units.wanted()) {
            output.set("ConsumedCapacity", units.describeAll());
        }
        return output;
    }

    private PartiqlReads.SingleRead single(DecodedCall call, PartiqlStatement.Select select) {
        try {
            return reads.single(call.region(), select, "Reads on indices are not supported within transactions.");
        } catch (AwsException e) {
            if (e.getMessage().equals(PartiqlErrors.KEY_EQUALITY)) {
                throw DynamoDbErrors.validation("Select statements within ExecuteTransaction must specify the primary "
                        + "key in the where clause.");
            }
            throw e;
        }
    }

    private ObjectNode write(DecodedCall call, List<Input> entries, List<PartiqlStatement> statements,
            String capacityMode) {
        List<PreparedWrite> prepared = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            PartiqlStatement statement = statements.get(i);
            if (!returning(statement).equals("NONE")) {
                throw DynamoDbErrors.validation("Validation failed in TransactStatements[" + i + "]: RETURNING is not "
                        + "supported in ExecuteTransaction");
            }
            try {
                prepared.add(writes.prepare(call.region(), statement,
                        PartiqlRequests.returnOldOnFailure(entries.get(i))));
            } catch (AwsException e) {
                if (!isKeyShapeError(e)) {
                    throw e;
                }
                // AWS cancels the transaction for a WHERE clause that does not name one item
                throw invalidStatement(statements.size(), i, e.getMessage());
            }
        }
        CapacityUnits units = new CapacityUnits(capacityMode, false);
        try {
            transactWrite.write(call, prepared, units);
        } catch (AwsException e) {
            throw e.code().equals("TransactionCanceledException") ? duplicateItems(e, statements) : e;
        }
        ObjectNode output = NODES.objectNode();
        output.putArray("Responses");
        if (units.wanted()) {
            output.set("ConsumedCapacity", units.describeAll());
        }
        return output;
    }

    private static String returning(PartiqlStatement statement) {
        if (statement instanceof PartiqlStatement.Update update) {
            return update.returnValues();
        }
        return statement instanceof PartiqlStatement.Delete delete ? delete.returnValues() : "NONE";
    }

    private static boolean isKeyShapeError(AwsException e) {
        String message = e.getMessage();
        return message.equals(PartiqlErrors.KEY_EQUALITY) || message.startsWith("Multiple conditions on same key ")
                || message.startsWith("Key attribute's data type should match");
    }

    private static AwsException invalidStatement(int count, int failed, String message) {
        ArrayNode reasons = NODES.arrayNode();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode reason = reasons.addObject().put("Code", i == failed ? "ValidationError" : "None");
            if (i == failed) {
                reason.put("Message", message);
            }
            codes.add(reason.get("Code").asText());
        }
        ObjectNode members = NODES.objectNode();
        members.set("CancellationReasons", reasons);
        return DynamoDbErrors.transactionCanceled(String.join(", ", codes), members);
    }

    /** An INSERT's failed condition is, in AWS's reasons, a DuplicateItem. */
    private static AwsException duplicateItems(AwsException canceled, List<PartiqlStatement> statements) {
        ObjectNode members = ((ErrorBodyMembers) canceled).errorMembers().deepCopy();
        ArrayNode reasons = (ArrayNode) members.get("CancellationReasons");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < reasons.size(); i++) {
            ObjectNode reason = (ObjectNode) reasons.get(i);
            if (PartiqlOperations.isInsert(statements.get(i))
                    && reason.path("Code").asText().equals("ConditionalCheckFailed")) {
                reason.put("Code", "DuplicateItem").put("Message", PartiqlErrors.DUPLICATE_ITEM);
                reason.remove("Item");
            }
            codes.add(reason.path("Code").asText());
        }
        return DynamoDbErrors.transactionCanceled(String.join(", ", codes), members);
    }
}
