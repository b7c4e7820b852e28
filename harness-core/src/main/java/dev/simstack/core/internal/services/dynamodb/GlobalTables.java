package dev.simstack.core.internal.services.dynamodb;

import dev.simstack.core.AwsException;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.table.IndexDefinition;
import dev.simstack.core.internal.services.dynamodb.table.SecondaryIndex;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import dev.simstack.core.internal.services.dynamodb.table.TableSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The replica updates of UpdateTable for global tables version 2019.11.21: Create copies the table's
 * definition and items into a table of the same name in another region of the stack and links every
 * replica to every other; Delete removes a replica. Streams (NEW_AND_OLD_IMAGES) are turned on as AWS
 * does when a table becomes global.
 */
final class GlobalTables {

    private final StackContext context;
    private final Tables tables;

    GlobalTables(StackContext context, Tables tables) {
        this.context = context;
        this.tables = tables;
    }

    void update(Table table, Input update) {
        if (update.has("Create")) {
            create(table, regionName(update.object("Create")));
        } else if (update.has("Delete")) {
            delete(table, regionName(update.object("Delete")));
        } else if (!update.has("Update")) {
            throw DynamoDbErrors.validation("One of Create, Update or Delete must be specified in a ReplicaUpdate");
        }
    }

    private static String regionName(Input input) {
        String region = input.string("RegionName");
        if (region == null) {
            throw DynamoDbErrors.constraint("null", "replicaUpdates.member.regionName", "Member must not be null");
        }
        return region;
    }

    void create(Table source, String region) {
        TableSettings settings = source.settings();
        if (region.equals(source.region()) || settings.replicas().contains(region)
                || tables.find(region, source.name()) != null) {
            throw DynamoDbErrors.validation("Failed to create a the new replica of table with name: '"
                    + source.name() + "' because one or more replicas already existed as tables.");
        }
        if (settings.stream() == null || !settings.stream().enabled()) {
            settings.stream(TableUpdates.newStream(context, settings, "NEW_AND_OLD_IMAGES"));
        }
        TableSettings replicaSettings = new TableSettings(settings.ref().inRegion(region),
                context.ids().nextUuid().toString(), context.clock().now(), source.keys(),
                source.attributeDefinitions());
        replicaSettings.billing(settings.billingMode(), settings.readCapacity(), settings.writeCapacity());
        replicaSettings.stream(TableUpdates.newStream(context, replicaSettings, settings.stream().viewType()));
        replicaSettings.ttlAttribute(settings.ttlAttribute());
        List<IndexDefinition> indexes = new ArrayList<>();
        for (SecondaryIndex index : source.indexes()) {
            indexes.add(index.definition());
        }
        Table replica = new Table(replicaSettings, indexes);
        source.lock().readLock().lock();
        try {
            for (AttributeMap item : source.items()) {
                replica.put(item);
            }
        } finally {
            source.lock().readLock().unlock();
        }
        Set<String> members = new TreeSet<>(settings.replicas());
        members.add(source.region());
        for (String member : members) {
            Table other = tables.find(member, source.name());
            if (other != null) {
                other.settings().replicas().add(region);
            }
        }
        replicaSettings.replicas().addAll(members);
        if (!tables.add(replica)) {
            throw new AwsException("ResourceInUseException", 400, "Table already exists: " + source.name());
        }
    }

    private void delete(Table source, String region) {
        if (!source.settings().replicas().contains(region)) {
            throw DynamoDbErrors.validation("Update global table operation failed because one or more replicas were "
                    + "not part of the global table: " + region);
        }
        Table replica = tables.find(region, source.name());
        if (replica != null) {
            tables.remove(replica);
        }
        Set<String> members = new TreeSet<>(source.settings().replicas());
        members.add(source.region());
        for (String member : members) {
            Table other = tables.find(member, source.name());
            if (other != null) {
                other.settings().replicas().remove(region);
            }
        }
    }
}
