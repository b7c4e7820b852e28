package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.services.dynamodb.streams.StreamLog;
import dev.simstack.core.internal.services.dynamodb.table.IndexDefinition;
import dev.simstack.core.internal.services.dynamodb.table.SecondaryIndex;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import dev.simstack.core.internal.services.dynamodb.table.TableSettings;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * UpdateTable (billing, throughput, GSI creation and deletion, stream, deletion protection, replicas)
 * and the Time to Live operations. Replica creation and deletion live in {@link GlobalTables}.
 */
final class TableUpdates {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter STREAM_LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final StackContext context;
    private final Tables tables;
    private final TableOperations tableOperations;
    private final GlobalTables globalTables;
    private final TimeToLive timeToLive;

    TableUpdates(StackContext context, Tables tables, TableOperations tableOperations, ItemWriter writer) {
        this.context = context;
        this.tables = tables;
        this.tableOperations = tableOperations;
        this.globalTables = new GlobalTables(context, tables);
        this.timeToLive = writer.timeToLive();
    }

    void register(OperationTable<DynamoDbOperation> operations) {
        operations.put("UpdateTable", this::updateTable);
        operations.put("UpdateTimeToLive", this::updateTimeToLive);
        operations.put("DescribeTimeToLive", this::describeTimeToLive);
    }

    /** A new stream for a table, labelled with the current time as AWS labels streams. */
    static StreamLog newStream(StackContext context, TableSettings settings, Input specification) {
        return checkedStream(context, settings, specification.string("StreamViewType"));
    }

    /** A new stream of a StreamSpecification that enables one: its view type must be given and valid. */
    static StreamLog checkedStream(StackContext context, TableSettings settings, String viewType) {
        List<String> allowed = List.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");
        if (viewType != null && !allowed.contains(viewType)) {
            throw DynamoDbErrors.constraint("'" + viewType + "'", "streamSpecification.streamViewType",
                    "Member must satisfy enum value set: " + allowed);
        }
        if (viewType == null) {
            throw DynamoDbErrors.validation("StreamSpecification.StreamViewType must be specified when "
                    + "StreamEnabled is true");
        }
        return newStream(context, settings, viewType);
    }

    static StreamLog newStream(StackContext context, TableSettings settings, String viewType) {
        String label = LocalDateTime.ofInstant(context.clock().now(), ZoneOffset.UTC).format(STREAM_LABEL);
        return stream(settings, label, viewType);
    }

    /** The stream labelled {@code label} of a table (one a data directory kept: its ARN is the one clients saw). */
    static StreamLog stream(TableSettings settings, String label, String viewType) {
        return new StreamLog(settings.arn() + "/stream/" + label, label, viewType);
    }

    private JsonNode updateTable(DecodedCall call, Input input) {
        Requests.TableRef ref = Requests.table(call, input);
        Table table = tables.forControl(ref.region(), ref.name());
        TableSettings settings = table.settings();
        boolean changed = false;
        if (input.has("BillingMode") || input.has("ProvisionedThroughput")) {
            String billing = Requests.choice(input, "BillingMode", "billingMode", settings.billingMode(),
                    List.of("PROVISIONED", "PAY_PER_REQUEST"));
            long[] throughput = TableSchemas.throughput(input, billing.equals("PROVISIONED"));
            settings.billing(billing, throughput[0], throughput[1]);
            changed = true;
        }
        if (input.has("AttributeDefinitions")) {
            // new definitions are those of the keys of indexes this call creates
            settings.attributeDefinitions().putAll(TableSchemas.attributeDefinitions(input));
        }
        for (Input update : input.objectList("GlobalSecondaryIndexUpdates")) {
            indexUpdate(table, update);
            changed = true;
        }
        if (input.has("StreamSpecification")) {
            streamUpdate(settings, input.object("StreamSpecification"));
            changed = true;
        }
        if (input.has("DeletionProtectionEnabled")) {
            settings.deletionProtection(input.bool("DeletionProtectionEnabled"));
            changed = true;
        }
        for (Input update : input.objectList("ReplicaUpdates")) {
            globalTables.update(table, update);
            changed = true;
        }
        if (!changed) {
            throw DynamoDbErrors.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                    + "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        if (!tableOperations.statusDelay().isZero()) {
            settings.status("UPDATING");
            context.clock().schedule(tableOperations.statusDelay(), () -> settings.status("ACTIVE"));
        }
        ObjectNode output = NODES.objectNode();
        output.set("TableDescription", TableDescriptions.describe(table));
        return output;
    }

    private void indexUpdate(Table table, Input update) {
        TableSettings settings = table.settings();
        if (update.has("Create")) {
            Input create = update.object("Create");
            IndexDefinition definition = TableSchemas.index(create, true, settings.attributeDefinitions(),
                    table.keys(), settings.billingMode().equals("PROVISIONED"));
            table.lock().writeLock().lock();
            try {
                if (table.index(definition.name()) != null) {
                    throw DynamoDbErrors.invalidParameters("Index already exists: " + definition.name());
                }
                SecondaryIndex index = table.addIndex(definition);
                if (!tableOperations.statusDelay().isZero()) {
                    index.status("CREATING");
                    context.clock().schedule(tableOperations.statusDelay(), () -> index.status("ACTIVE"));
                }
            } finally {
                table.lock().writeLock().unlock();
            }
        } else if (update.has("Delete")) {
            String name = update.object("Delete").string("IndexName");
            table.lock().writeLock().lock();
            try {
                SecondaryIndex index = name == null ? null : table.index(name);
                if (index == null || !index.definition().global()) {
                    throw new dev.simstack.core.AwsException("ResourceNotFoundException", 400,
                            "Requested resource not found: Index: " + name + " not found");
                }
                table.removeIndex(name);
            } finally {
                table.lock().writeLock().unlock();
            }
        } else if (update.has("Update")) {
            String name = update.object("Update").string("IndexName");
            if (name == null || table.index(name) == null) {
                throw new dev.simstack.core.AwsException("ResourceNotFoundException", 400,
                        "Requested resource not found: Index: " + name + " not found");
            }
            // throughput is recorded nowhere else: the engine does not throttle by provisioned capacity
        }
    }

    private void streamUpdate(TableSettings settings, Input specification) {
        Boolean enabled = specification.bool("StreamEnabled");
        if (enabled == null) {
            throw DynamoDbErrors.constraint("null", "streamSpecification.streamEnabled", "Member must not be null");
        }
        StreamLog current = settings.stream();
        boolean active = current != null && current.enabled();
        if (enabled) {
            if (active) {
                throw DynamoDbErrors.validation("Table already has an enabled stream: TableName: " + settings.name());
            }
            settings.stream(newStream(context, settings, specification));
        } else {
            if (!active) {
                throw DynamoDbErrors.validation("Table already has no enabled stream: TableName: " + settings.name());
            }
            current.disable();
        }
    }

    private JsonNode updateTimeToLive(DecodedCall call, Input input) {
        Requests.TableRef ref = Requests.table(call, input);
        Table table = tables.forControl(ref.region(), ref.name());
        if (!input.has("TimeToLiveSpecification")) {
            throw DynamoDbErrors.constraint("null", "timeToLiveSpecification", "Member must not be null");
        }
        Input specification = input.object("TimeToLiveSpecification");
        Boolean enabled = specification.bool("Enabled");
        String attribute = specification.string("AttributeName");
        if (enabled == null || attribute == null || attribute.isEmpty()) {
            throw DynamoDbErrors.constraint("null", "timeToLiveSpecification." + (enabled == null ? "enabled"
                    : "attributeName"), "Member must not be null");
        }
        String current = table.settings().ttlAttribute();
        if (enabled) {
            enableTimeToLive(table, attribute);
        } else {
            if (current == null) {
                throw DynamoDbErrors.validation("TimeToLive is already disabled");
            }
            if (!current.equals(attribute)) {
                throw DynamoDbErrors.validation("TimeToLive is active on a different AttributeName: current "
                        + "AttributeName is " + current);
            }
            table.settings().ttlAttribute(null);
        }
        ObjectNode output = NODES.objectNode();
        output.putObject("TimeToLiveSpecification").put("Enabled", enabled).put("AttributeName", attribute);
        return output;
    }

    /** UpdateTimeToLive with Enabled true: items whose {@code attribute} has passed start to expire. */
    void enableTimeToLive(Table table, String attribute) {
        if (table.settings().ttlAttribute() != null) {
            throw DynamoDbErrors.validation("TimeToLive is already enabled");
        }
        table.settings().ttlAttribute(attribute);
        timeToLive.trackAll(table);
    }

    /** UpdateTable's replica Create: a replica of {@code table} in {@code region}, linked to the others. */
    void createReplica(Table table, String region) {
        globalTables.create(table, region);
    }

    private JsonNode describeTimeToLive(DecodedCall call, Input input) {
        Requests.TableRef ref = Requests.table(call, input);
        Table table = tables.forControl(ref.region(), ref.name());
        String attribute = table.settings().ttlAttribute();
        ObjectNode output = NODES.objectNode();
        ObjectNode description = output.putObject("TimeToLiveDescription");
        description.put("TimeToLiveStatus", attribute == null ? "DISABLED" : "ENABLED");
        if (attribute != null) {
            description.put("AttributeName", attribute);
        }
        return output;
    }
}
