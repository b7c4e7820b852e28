package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import dev.simstack.core.internal.services.dynamodb.item.ItemSize;
import dev.simstack.core.internal.services.dynamodb.partiql.PartiqlStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * ExecuteStatement and BatchExecuteStatement: PartiQL statements parsed into the engine's own conditions and
 * writes (see {@link PartiqlReads} and {@link PartiqlWrites}). A batch holds up to 25 statements, all reads
 * (each naming one item) or all writes; each statement succeeds or fails on its own, its error in its
 * response.
 */
final class PartiqlOperations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_BATCH = 25;

    private final PartiqlReads reads;
    private final PartiqlWrites writes;
    private final PartiqlTransactions transactions;

    PartiqlOperations(PartiqlReads reads, PartiqlWrites writes, PartiqlTransactions transactions) {
        this.reads = reads;
        this.writes = writes;
        this.transactions = transactions;
    }

    void register(OperationTable<DynamoDbOperation> operations) {
        operations.put("ExecuteStatement", this::executeStatement);
        operations.put("BatchExecuteStatement", this::batchExecuteStatement);
        operations.put("ExecuteTransaction", transactions::executeTransaction);
    }

    private JsonNode executeStatement(DecodedCall call, Input input) {
        ModelConstraints.checkAll(
                () -> Requests.consumedCapacity(input),
                () -> PartiqlRequests.statement(input, ""),
                () -> Requests.bounded(input, "Limit", "limit", 1, Integer.MAX_VALUE),
                () -> PartiqlRequests.returnOldOnFailure(input));
        String capacityMode = Requests.consumedCapacity(input);
        PartiqlStatement statement = PartiqlRequests.parse(input, "");
        if (statement instanceof PartiqlStatement.Select select) {
            return reads.select(new PartiqlReads.Request(call.region(), input.string("Statement"), select,
                    input.integer("Limit"), input.string("NextToken"), Boolean.TRUE.equals(input.bool("ConsistentRead")),
                    capacityMode));
        }
        PreparedWrite write = writes.prepare(call.region(), statement, PartiqlRequests.returnOldOnFailure(input));
        CapacityUnits units = new CapacityUnits(capacityMode, false);
        ObjectNode output = PartiqlWrites.output(writes.run(call, write, isInsert(statement), units));
        if (units.wanted()) {
            output.set("ConsumedCapacity", units.describe(write.table().name()));
        }
        return output;
    }

    /** A statement of a batch: parsed, or the error that stopped it. */
    private record Entry(Input input, PartiqlStatement statement, AwsException error) {
    }

    private JsonNode batchExecuteStatement(DecodedCall call, Input input) {
        String capacityMode = Requests.consumedCapacity(input);
        List<Entry> entries = new ArrayList<>();
        for (Input entry : PartiqlRequests.entries(input, "Statements", MAX_BATCH)) {
            try {
                entries.add(new Entry(entry, PartiqlRequests.parse(entry, "statements.member."), null));
            } catch (AwsException e) {
                entries.add(new Entry(entry, null, e));
            }
        }
        boolean anyRead = entries.stream().anyMatch(e -> e.statement != null && e.statement.reads());
        boolean anyWrite = entries.stream().anyMatch(e -> e.statement != null && !e.statement.reads());
        if (anyRead && anyWrite) {
            throw DynamoDbErrors.validation(
                    "BatchExecuteStatement API does not support both read and write operations in the same request.");
        }
        CapacityUnits units = new CapacityUnits(capacityMode, anyRead);
        ObjectNode output = NODES.objectNode();
        ArrayNode responses = output.putArray("Responses");
        for (Entry entry : entries) {
            responses.add(entry.error != null ? PartiqlRequests.batchError(entry.error, NODES.objectNode())
                    : batchResponse(call, entry, units));
        }
        if (units.wanted()) {
            output.set("ConsumedCapacity", units.describeAll());
        }
        return output;
    }

    private ObjectNode batchResponse(DecodedCall call, Entry entry, CapacityUnits units) {
        ObjectNode response = NODES.objectNode();
        response.put("TableName", entry.statement.table());
        try {
            if (entry.statement instanceof PartiqlStatement.Select select) {
                AttributeMap item = read(call, select, Boolean.TRUE.equals(entry.input.bool("ConsistentRead")), units);
                if (item != null) {
                    response.set("Item", AttributeValueCodec.writeItem(item));
                }
            } else {
                PreparedWrite write = writes.prepare(call.region(), entry.statement,
                        PartiqlRequests.returnOldOnFailure(entry.input));
                writes.run(call, write, isInsert(entry.statement), units);
            }
            return response;
        } catch (AwsException e) {
            return PartiqlRequests.batchError(e, response);
        }
    }

    /** A batch's read of one item, as BatchGetItem reads it. */
    private AttributeMap read(DecodedCall call, PartiqlStatement.Select select, boolean consistent,
            CapacityUnits units) {
        PartiqlReads.SingleRead read = reads.single(call.region(), select,
                "Reads on indices are not supported within BatchExecuteStatement.");
        read.table().lock().readLock().lock();
        try {
            AttributeMap stored = read.table().get(read.key());
            units.table(read.table().name(), CapacityUnits.readUnits(stored == null ? 0 : ItemSize.of(stored),
                    consistent));
            return read.read();
        } finally {
            read.table().lock().readLock().unlock();
        }
    }

    static boolean isInsert(PartiqlStatement statement) {
        return statement instanceof PartiqlStatement.Insert;
    }
}
