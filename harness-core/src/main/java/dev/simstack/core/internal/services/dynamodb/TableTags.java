package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import dev.simstack.core.internal.services.dynamodb.table.TableSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** TagResource, UntagResource and ListTagsOfResource on table ARNs. A table has at most 50 tags. */
final class TableTags {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_TAGS = 50;
    /** ListTagsOfResource pages hold up to 10 tags, as AWS's do. */
    private static final int PAGE_SIZE = 10;

    private final Tables tables;

    TableTags(Tables tables) {
        this.tables = tables;
    }

    void register(OperationTable<DynamoDbOperation> operations) {
        operations.put("TagResource", this::tagResource);
        operations.put("UntagResource", this::untagResource);
        operations.put("ListTagsOfResource", this::listTags);
    }

    /** Adds {@code Tags} entries ({@code Key}, {@code Value}) to a table's settings. */
    static void add(TableSettings settings, List<Input> tags) {
        addAll(settings, tags.stream().map(tag -> new CreateTableRequest.Tag(tag.string("Key"), tag.string("Value")))
                .toList());
    }

    /** Adds typed tags, with the same checks. */
    static void addAll(TableSettings settings, List<CreateTableRequest.Tag> tags) {
        for (CreateTableRequest.Tag tag : tags) {
            String key = tag.key();
            String value = tag.value();
            if (key == null || value == null) {
                throw DynamoDbErrors.constraint("null", "tags.member." + (key == null ? "key" : "value"),
                        "Member must not be null");
            }
            if (key.isEmpty() || key.length() > 128) {
                throw DynamoDbErrors.constraint("'" + key + "'", "tags.member.key",
                        "Member must have length between 1 and 128");
            }
            settings.tags().put(key, value);
        }
        if (settings.tags().size() > MAX_TAGS) {
            throw DynamoDbErrors.limitExceeded("The number of tags exceeds the limit of " + MAX_TAGS);
        }
    }

    private Table byArn(DecodedCall call, Input input) {
        String arn = input.string("ResourceArn");
        if (arn == null) {
            throw DynamoDbErrors.constraint("null", "resourceArn", "Member must not be null");
        }
        if (!arn.startsWith("arn:")) {
            throw DynamoDbErrors.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
        Requests.TableRef ref = Requests.parse(call.region(), arn, "resourceArn");
        Table table = tables.find(ref.region(), ref.name());
        if (table == null) {
            // sic: AWS spells it "ResourcArn" in this message
            throw new AwsException("ResourceNotFoundException", 400,
                    "Requested resource not found: ResourcArn: " + arn + " not found");
        }
        return table;
    }

    private JsonNode tagResource(DecodedCall call, Input input) {
        Table table = byArn(call, input);
        if (!input.has("Tags")) {
            throw DynamoDbErrors.constraint("null", "tags", "Member must not be null");
        }
        add(table.settings(), input.objectList("Tags"));
        return NODES.objectNode();
    }

    private JsonNode untagResource(DecodedCall call, Input input) {
        Table table = byArn(call, input);
        if (!input.has("TagKeys")) {
            throw DynamoDbErrors.constraint("null", "tagKeys", "Member must not be null");
        }
        for (String key : input.stringList("TagKeys")) {
            table.settings().tags().remove(key);
        }
        return NODES.objectNode();
    }

    private JsonNode listTags(DecodedCall call, Input input) {
        Table table = byArn(call, input);
        List<Map.Entry<String, String>> tags;
        synchronized (table.settings().tags()) {
            tags = new ArrayList<>(table.settings().tags().entrySet());
        }
        int from = 0;
        String token = input.string("NextToken");
        if (token != null) {
            try {
                from = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw DynamoDbErrors.validation("Invalid NextToken");
            }
        }
        ObjectNode output = NODES.objectNode();
        ArrayNode list = output.putArray("Tags");
        int to = Math.min(tags.size(), Math.max(from, 0) + PAGE_SIZE);
        for (int i = Math.max(from, 0); i < to; i++) {
            list.addObject().put("Key", tags.get(i).getKey()).put("Value", tags.get(i).getValue());
        }
        if (to < tags.size()) {
            output.put("NextToken", Integer.toString(to));
        }
        return output;
    }
}
