package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.services.dynamodb.partiql.PartiqlParser;
import dev.simstack.core.internal.services.dynamodb.streams.StreamLog;
import dev.simstack.core.internal.services.dynamodb.streams.StreamedTable;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Amazon DynamoDB (API 2012-08-10) over AWS JSON 1.0, with state per region created on first use. This
 * class only dispatches; each operation family lives in its own class. Streams are kept per table; the
 * {@code dynamodbstreams} API ({@code streams.DynamoDbStreamsService}) and Lambda's mappings read them.
 */
public final class DynamoDbService implements Service {

    public static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor("dynamodb", "DynamoDB_20120810", "1.0",
            "com.amazonaws.dynamodb.v20120810", false, true /* x-amz-crc32, the SDK checks it */, null);

    private final StackContext context;
    private final Tables tables = new Tables();
    private final ItemWriter writer;
    private final TableOperations tableOperations;
    private final TableUpdates tableUpdates;
    private final TransactWriteOperation transactWrite;
    private final DynamoDbPort port;
    private final PartiqlTransactions partiqlTransactions;
    private final TableExports exports;
    private final TableImports imports;
    private final OperationTable<DynamoDbOperation> operations = OperationTable.forJsonAndQuery(DESCRIPTOR);

    public DynamoDbService(StackContext context) {
        this(context, S3Objects.NONE);
    }

    /** A service whose exports and imports write and read the stack's S3 through {@code s3}. */
    public DynamoDbService(StackContext context, S3Objects s3) {
        this.context = Objects.requireNonNull(context, "context");
        this.writer = new ItemWriter(context, tables);
        ItemRequests requests = new ItemRequests(tables);
        ResourcePolicies policies = new ResourcePolicies(context, tables);
        policies.register(operations);
        this.tableOperations = new TableOperations(context, tables, writer, policies);
        tableOperations.register(operations);
        this.tableUpdates = new TableUpdates(context, tables, tableOperations, writer);
        tableUpdates.register(operations);
        new ContinuousBackups(context, tables).register(operations);
        this.exports = new TableExports(context, tables, s3);
        exports.register(operations);
        this.imports = new TableImports(context, tables, tableOperations, s3);
        imports.register(operations);
        new TableTags(tables).register(operations);
        DynamoDbFaultPoints faults = new DynamoDbFaultPoints(context);
        this.transactWrite = new TransactWriteOperation(context, requests, writer, faults);
        this.port = new DynamoDbPort(tables, writer, transactWrite);
        ItemOperations items = new ItemOperations(requests, port, faults);
        items.register(operations);
        new QueryScanOperations(tables).register(operations);
        operations.put("BatchGetItem", new BatchGetOperation(tables));
        operations.put("BatchWriteItem", new BatchWriteOperation(tables, writer));
        operations.put("TransactWriteItems", transactWrite);
        operations.put("TransactGetItems", new TransactGetOperation(requests));
        PartiqlReads partiqlReads = new PartiqlReads(tables);
        PartiqlWrites partiqlWrites = new PartiqlWrites(tables, items);
        this.partiqlTransactions = new PartiqlTransactions(context, partiqlReads, partiqlWrites, transactWrite);
        new PartiqlOperations(partiqlReads, partiqlWrites, partiqlTransactions).register(operations);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CompletionStage<JsonNode> invoke(DecodedCall call) {
        return CompletableFuture.completedFuture(operations.handler(call).invoke(call, new Input(call.input())));
    }

    /** The typed item operations the engine's own callers use (and the item operations decode into). */
    public DynamoDbPort port() {
        return port;
    }

    /** Whether table {@code name} exists in {@code region}. */
    public boolean hasTable(String region, String name) {
        return tables.find(region, name) != null;
    }

    /**
     * CreateTable in-process (a declared table): the same rules and error messages as the wire's.
     *
     * @throws dev.simstack.core.AwsException CreateTable's error
     */
    public void createTable(String region, CreateTableRequest request) {
        tableOperations.create(region, request);
    }

    /** UpdateTimeToLive enabling {@code attribute} on table {@code name}, with its rules. */
    public void enableTimeToLive(String region, String name, String attribute) {
        tableUpdates.enableTimeToLive(tables.forControl(region, name), attribute);
    }

    /**
     * UpdateTable's ReplicaUpdates Create: makes table {@code name} of {@code region} a global table with a
     * replica in {@code replicaRegion} (its items copied, streams on).
     */
    public void createReplica(String region, String name, String replicaRegion) {
        tableUpdates.createReplica(tables.forControl(region, name), replicaRegion);
    }

    /** The regions of table {@code name}'s replicas (empty for a table that is not global). */
    public java.util.Set<String> replicaRegions(String region, String name) {
        Table table = tables.forControl(region, name);
        return java.util.Set.copyOf(table.settings().replicas());
    }

    /** How global-table replication is steered: lag, and pausing a region (for outage faults). */
    public ReplicationControl replication() {
        return writer.replication();
    }

    /**
     * How long new tables stay CREATING (and updated ones UPDATING) on the stack clock; zero, the
     * default, makes them ACTIVE at once.
     */
    public void setTableStatusDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the table status delay cannot be negative: " + delay);
        }
        tableOperations.statusDelay(delay);
    }

    /** The stream of a table, or null if the table does not exist or never had one enabled. */
    public StreamLog stream(String region, String table) {
        Table found = tables.find(region, table);
        return found == null ? null : found.stream();
    }

    /** The tables of {@code region} that have a stream, in name order, for the {@code dynamodbstreams} API. */
    public java.util.List<StreamedTable> streamedTables(String region) {
        java.util.List<StreamedTable> streamed = new java.util.ArrayList<>();
        for (Table table : tables.region(region).values()) {
            if (table.stream() != null) {
                streamed.add(new StreamedTable(table.name(), table.keys(), table.stream()));
            }
        }
        return streamed;
    }

    /** The stream whose ARN is {@code streamArn}, or null if no table of {@code region} has it. */
    public StreamLog streamByArn(String region, String streamArn) {
        for (StreamedTable table : streamedTables(region)) {
            if (table.stream().arn().equals(streamArn)) {
                return table.stream();
            }
        }
        return null;
    }

    /** The harness's view of table {@code name} in {@code region}, or null if there is no such table. */
    public TableView view(String region, String name) {
        Table found = tables.find(region, name);
        return found == null ? null : new TableView(found);
    }

    /** The names of the tables of every region that has any, by region, each list sorted. */
    public java.util.SortedMap<String, java.util.List<String>> tableNames() {
        java.util.SortedMap<String, java.util.List<String>> names = new java.util.TreeMap<>();
        for (Table table : tables.all()) {
            names.computeIfAbsent(table.region(), region -> new java.util.ArrayList<>()).add(table.name());
        }
        return names;
    }

    StackContext context() {
        return context;
    }

    Tables tables() {
        return tables;
    }

    ItemWriter writer() {
        return writer;
    }

    /**
     * The one table a PartiQL call's statements address (they have no {@code TableName}), so that fault rules
     * on a table apply to them; null when they address several, or for other operations.
     */
    @Override
    public String resourceNameOf(String operation, JsonNode input) {
        if (operation.equals("ExecuteStatement")) {
            return PartiqlParser.tableName(input.path("Statement").asText(""));
        }
        String member = operation.equals("BatchExecuteStatement") ? "Statements"
                : operation.equals("ExecuteTransaction") ? "TransactStatements" : null;
        if (member == null) {
            return null;
        }
        Set<String> tables = new HashSet<>();
        input.path(member).forEach(entry -> tables.add(PartiqlParser.tableName(entry.path("Statement").asText(""))));
        return tables.size() == 1 ? tables.iterator().next() : null;
    }

    /**
     * Timers already set for the old tables (Time to Live, status changes) find their table gone or act on
     * a table no longer reachable; replication deliveries on their way are dropped; the tables' streams are
     * marked gone, so stream mappings stop reading them.
     */
    @Override
    public Runnable reset() {
        // Lambda's stream mappings hold the streams they read: their source goes with its table, as when a table
        // is deleted and created again on AWS (the new table's stream is another stream).
        tables.all().forEach(table -> {
            if (table.stream() != null) {
                table.stream().remove();
            }
        });
        tables.clear();
        writer.replication().reset();
        transactWrite.forgetTokens();
        partiqlTransactions.forgetTokens();
        exports.reset();
        imports.reset();
        return () -> { };
    }

    @Override
    public void close() {
        // timers belong to the stack clock, which the engine stops
    }
}
