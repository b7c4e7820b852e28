package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.services.dynamodb.table.IndexDefinition;
import dev.simstack.core.internal.services.dynamodb.table.KeySchema;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import dev.simstack.core.internal.services.dynamodb.table.TableSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;

/**
 * CreateTable, DescribeTable, ListTables and DeleteTable. A new table is CREATING for the configured
 * status delay (zero by default, so tests need no waiter, while the SDK's waiter still works when it is
 * not zero), then ACTIVE.
 */
final class TableOperations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** DynamoDB allows up to 20 global and 5 local secondary indexes per table. */
    private static final int MAX_GLOBAL_INDEXES = 20;
    private static final int MAX_LOCAL_INDEXES = 5;

    private final StackContext context;
    private final Tables tables;
    private final ItemWriter writer;
    private final ResourcePolicies policies;
    private volatile Duration statusDelay = Duration.ZERO;

    TableOperations(StackContext context, Tables tables, ItemWriter writer, ResourcePolicies policies) {
        this.context = context;
        this.tables = tables;
        this.writer = writer;
        this.policies = policies;
    }

    void register(OperationTable<DynamoDbOperation> operations) {
        operations.put("CreateTable", this::createTable);
        operations.put("DescribeTable", this::describeTable);
        operations.put("ListTables", this::listTables);
        operations.put("DeleteTable", this::deleteTable);
    }

    /** How long tables stay CREATING (and indexes CREATING, tables UPDATING) before ACTIVE. */
    void statusDelay(Duration delay) {
        this.statusDelay = delay;
    }

    Duration statusDelay() {
        return statusDelay;
    }

    private JsonNode createTable(DecodedCall call, Input input) {
        CreateTableRequest request = CreateTableRequest.decode(input);
        // checked before the table exists, so a refused policy creates no table
        String policy = input.string("ResourcePolicy");
        String document = policy == null ? null : PolicyDocument.check(policy);
        Table table = create(call.region(), request);
        if (document != null) {
            policies.attach(table, document);
        }
        ObjectNode output = NODES.objectNode();
        output.set("TableDescription", TableDescriptions.describe(table));
        return output;
    }

    /** CreateTable in {@code region} from typed values, with CreateTable's rules and messages. */
    Table create(String region, CreateTableRequest request) {
        ModelConstraints.checkAll(
                () -> TableSchemas.attributeDefinitions(request.attributeDefinitions()),
                () -> {
                    if (request.tableName() != null) {
                        Requests.parse(region, request.tableName(), "tableName");
                    }
                },
                () -> {
                    if (request.keySchema() == null) {
                        throw DynamoDbErrors.constraint("null", "keySchema", "Member must not be null");
                    }
                },
                () -> choice(request.billingMode(), "billingMode", "PROVISIONED",
                        List.of("PROVISIONED", "PAY_PER_REQUEST")));
        if (request.tableName() == null) {
            throw DynamoDbErrors.constraint("null", "tableName", "Member must not be null");
        }
        return create(Requests.parse(region, request.tableName(), "tableName"), request);
    }

    private Table create(Requests.TableRef ref, CreateTableRequest request) {
        Map<String, String> definitions = TableSchemas.attributeDefinitions(request.attributeDefinitions());
        KeySchema keys = TableSchemas.keySchema(request.keySchema(), "keySchema", definitions);
        String billing = choice(request.billingMode(), "billingMode", "PROVISIONED",
                List.of("PROVISIONED", "PAY_PER_REQUEST"));
        boolean provisioned = billing.equals("PROVISIONED");
        long[] throughput = TableSchemas.throughput(request.provisionedThroughput(), provisioned);
        List<IndexDefinition> indexes = indexes(request, definitions, keys, provisioned);
        checkDefinitionsUsed(definitions, keys, indexes);
        TableSettings settings = new TableSettings(ResourceRef.table(ref.region(), context.accountId(), ref.name()),
                context.ids().nextUuid().toString(), context.clock().now(), keys, definitions);
        settings.billing(billing, throughput[0], throughput[1]);
        settings.deletionProtection(request.deletionProtection());
        TableTags.addAll(settings, request.tags() == null ? List.of() : request.tags());
        CreateTableRequest.StreamSpecification stream = request.stream();
        if (stream != null && Boolean.TRUE.equals(stream.streamEnabled())) {
            settings.stream(TableUpdates.checkedStream(context, settings, stream.streamViewType()));
        }
        Table table = new Table(settings, indexes);
        Duration delay = statusDelay;
        if (!delay.isZero()) {
            settings.status("CREATING");
        }
        if (!tables.add(table)) {
            throw DynamoDbErrors.resourceInUse("Table already exists: " + ref.name());
        }
        if (!delay.isZero()) {
            context.clock().schedule(delay, () -> settings.status("ACTIVE"));
        }
        return table;
    }

    private static String choice(String value, String member, String fallback, List<String> allowed) {
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            throw DynamoDbErrors.constraint("'" + value + "'", member, "Member must satisfy enum value set: " + allowed);
        }
        return value;
    }

    private static List<IndexDefinition> indexes(CreateTableRequest request, Map<String, String> definitions,
            KeySchema keys, boolean provisioned) {
        List<IndexDefinition> indexes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<CreateTableRequest.IndexRequest> global = request.globalSecondaryIndexes();
        List<CreateTableRequest.IndexRequest> local = request.localSecondaryIndexes();
        if (global != null && global.isEmpty()) {
            throw DynamoDbErrors.invalidParameters("List of GlobalSecondaryIndexes is empty");
        }
        if (local != null && local.isEmpty()) {
            throw DynamoDbErrors.invalidParameters("List of LocalSecondaryIndexes is empty");
        }
        global = global == null ? List.of() : global;
        local = local == null ? List.of() : local;
        if (global.size() > MAX_GLOBAL_INDEXES) {
            throw DynamoDbErrors.limitExceeded("Subscriber limit exceeded: The number of global secondary indexes "
                    + "exceeds the limit of " + MAX_GLOBAL_INDEXES);
        }
        if (local.size() > MAX_LOCAL_INDEXES) {
            throw DynamoDbErrors.invalidParameters("Number of LocalSecondaryIndexes exceeds per-table limit of "
                    + MAX_LOCAL_INDEXES);
        }
        for (CreateTableRequest.IndexRequest index : global) {
            indexes.add(TableSchemas.index(index, true, definitions, keys, provisioned));
        }
        for (CreateTableRequest.IndexRequest index : local) {
            indexes.add(TableSchemas.index(index, false, definitions, keys, provisioned));
        }
        for (IndexDefinition index : indexes) {
            if (!names.add(index.name())) {
                throw DynamoDbErrors.invalidParameters("Duplicate index name: " + index.name());
            }
        }
        return indexes;
    }

    /**
     * Every attribute definition must be a key of the table or of an index. Without indexes AWS words it as
     * a count mismatch; with indexes it lists the definitions (as given) and the keys used (sorted, as the
     * AWS-answered examples show them).
     */
    private static void checkDefinitionsUsed(Map<String, String> definitions, KeySchema keys,
            List<IndexDefinition> indexes) {
        Set<String> used = new TreeSet<>();
        used.add(keys.hashName());
        if (keys.hasRange()) {
            used.add(keys.rangeName());
        }
        for (IndexDefinition index : indexes) {
            index.keys().elements().forEach(element -> used.add(element.name()));
        }
        if (used.containsAll(definitions.keySet())) {
            return;
        }
        if (indexes.isEmpty()) {
            throw DynamoDbErrors.invalidParameters("Number of attributes in KeySchema does not exactly match number of "
                    + "attributes defined in AttributeDefinitions");
        }
        throw DynamoDbErrors.invalidParameters("Some AttributeDefinitions are not used. AttributeDefinitions: "
                + definitions.keySet() + ", keys used: " + used);
    }

    private JsonNode describeTable(DecodedCall call, Input input) {
        Requests.TableRef ref = Requests.table(call, input);
        ObjectNode output = NODES.objectNode();
        output.set("Table", TableDescriptions.describe(tables.forControl(ref.region(), ref.name())));
        return output;
    }

    private JsonNode listTables(DecodedCall call, Input input) {
        Integer limit = Requests.bounded(input, "Limit", "limit", 1, 100);
        int max = limit == null ? 100 : limit;
        String start = input.string("ExclusiveStartTableName");
        NavigableMap<String, Table> all = tables.region(call.region());
        NavigableMap<String, Table> page = start == null ? all : all.tailMap(start, false);
        ObjectNode output = NODES.objectNode();
        ArrayNode names = output.putArray("TableNames");
        String last = null;
        for (String name : page.keySet()) {
            if (names.size() == max) {
                output.put("LastEvaluatedTableName", last);
                break;
            }
            names.add(name);
            last = name;
        }
        return output;
    }

    private JsonNode deleteTable(DecodedCall call, Input input) {
        Requests.TableRef ref = Requests.table(call, input);
        Table table = tables.forControl(ref.region(), ref.name());
        if (table.settings().deletionProtection()) {
            throw DynamoDbErrors.validation("Resource cannot be deleted as it is currently protected against "
                    + "deletion. Disable deletion protection first.");
        }
        if (table.settings().status().equals("CREATING")) {
            throw DynamoDbErrors.resourceInUse("Attempt to change a resource which is still in use: Table is being "
                    + "created: " + ref.name());
        }
        table.settings().status("DELETING");
        ObjectNode description = TableDescriptions.describe(table);
        tables.remove(table);
        for (String region : List.copyOf(table.settings().replicas())) {
            Table replica = tables.find(region, table.name());
            if (replica != null) {
                replica.settings().replicas().remove(table.region());
            }
        }
        writer.replication().forget(table);
        ObjectNode output = NODES.objectNode();
        output.set("TableDescription", description);
        return output;
    }
}
