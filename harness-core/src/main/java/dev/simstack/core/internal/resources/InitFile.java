package dev.simstack.core.internal.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AppliedResources;
import dev.simstack.core.AppliedResources.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SimStack's own small resource file: lists of the requests that create each resource, in the AWS API's
 * own member names, so the API reference documents every field.
 *
 * <pre>
 * region: us-east-1                 # optional, default the stack's default region
 * queues:                           # CreateQueue requests, or just names
 *   - orders-dlq
 *   - QueueName: orders
 *     Attributes: {VisibilityTimeout: 30, RedrivePolicy: {deadLetterTargetArn: "arn:...:orders-dlq", maxReceiveCount: 3}}
 * tables:                           # CreateTable requests, plus TimeToLiveSpecification
 * buckets:                          # names, or {Bucket, Versioning, Tags, Policy}
 * functions:                        # CreateFunction requests, plus ReservedConcurrentExecutions
 * eventSourceMappings:              # CreateEventSourceMapping requests
 * </pre>
 *
 * Any entry may name its own {@code Region}. Sections apply in the order above, entries in file order.
 */
final class InitFile {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> SECTIONS = Set.of("region", "queues", "tables", "buckets", "functions",
            "eventSourceMappings");
    private static final Set<String> JSON_ATTRIBUTES = Set.of("RedrivePolicy", "RedriveAllowPolicy", "Policy");

    private final String file;
    private final JsonNode root;
    private final Creator creator;
    private final List<Resource> applied = new ArrayList<>();
    private String region;

    InitFile(String file, JsonNode root, Creator creator) {
        this.file = file;
        this.root = root;
        this.creator = creator;
    }

    AppliedResources apply() {
        if (!root.isObject()) {
            throw new ResourceFileException(file + ": an init file is a map with the sections " + SECTIONS);
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!SECTIONS.contains(name)) {
                throw new ResourceFileException(file + ": unknown section '" + name + "'; an init file has "
                        + "the sections region, queues, tables, buckets, functions, eventSourceMappings");
            }
        });
        region = root.has("region") ? Regions.check(root.get("region").asText(), creator, file) : creator
                .defaultRegion();
        for (JsonNode entry : section("queues")) {
            queue(entry);
        }
        for (JsonNode entry : section("tables")) {
            table(entry);
        }
        for (JsonNode entry : section("buckets")) {
            bucket(entry);
        }
        for (JsonNode entry : section("functions")) {
            function(entry);
        }
        for (JsonNode entry : section("eventSourceMappings")) {
            mapping(entry);
        }
        return new AppliedResources(applied, Map.of());
    }

    private Iterable<JsonNode> section(String name) {
        JsonNode section = root.path(name);
        if (section.isMissingNode() || section.isNull()) {
            return List.of();
        }
        if (!section.isArray()) {
            throw new ResourceFileException(file + ": '" + name + "' must be a list");
        }
        return section;
    }

    private void queue(JsonNode entry) {
        ObjectNode request = entry.isTextual() ? NODES.objectNode().put("QueueName", entry.textValue())
                : request(entry, "queues", "QueueName");
        String where = regionOf(request);
        JsonNode attributes = request.remove("Attributes");
        if (attributes != null) {
            request.set("Attributes", stringMap(attributes, JSON_ATTRIBUTES));
        }
        JsonNode tags = request.remove("tags");
        if (tags != null) {
            request.set("tags", stringMap(tags, Set.of()));
        }
        String name = request.path("QueueName").asText();
        record(name, "AWS::SQS::Queue", where, () -> creator.queue(where, request));
    }

    private void table(JsonNode entry) {
        ObjectNode request = request(entry, "tables", "TableName");
        String where = regionOf(request);
        JsonNode ttl = request.remove("TimeToLiveSpecification");
        record(request.path("TableName").asText(), "AWS::DynamoDB::Table", where,
                () -> creator.table(where, request, ttl));
    }

    private void bucket(JsonNode entry) {
        ObjectNode request = entry.isTextual() ? NODES.objectNode().put("Bucket", entry.textValue())
                : request(entry, "buckets", "Bucket");
        String where = regionOf(request);
        for (String field : (Iterable<String>) request::fieldNames) {
            if (!Set.of("Bucket", "Versioning", "Tags", "Policy").contains(field)) {
                throw new ResourceFileException(file + ": bucket " + request.path("Bucket").asText() + ": unknown"
                        + " field '" + field + "'; a bucket entry has Bucket, Region, Versioning, Tags, Policy");
            }
        }
        Map<String, String> tags = new LinkedHashMap<>();
        request.path("Tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        JsonNode policy = request.get("Policy");
        String policyText = policy == null ? null : policy.isTextual() ? policy.textValue() : policy.toString();
        String versioning = request.has("Versioning") ? request.get("Versioning").asText() : null;
        String name = request.path("Bucket").asText();
        record(name, "AWS::S3::Bucket", where, () -> creator.bucket(where, name, versioning, tags, policyText));
    }

    private void function(JsonNode entry) {
        ObjectNode request = request(entry, "functions", "FunctionName");
        String where = regionOf(request);
        JsonNode reserved = request.remove("ReservedConcurrentExecutions");
        record(request.path("FunctionName").asText(), "AWS::Lambda::Function", where,
                () -> creator.function(where, request, reserved == null ? null : reserved.asInt()));
    }

    private void mapping(JsonNode entry) {
        ObjectNode request = request(entry, "eventSourceMappings", "FunctionName");
        String where = regionOf(request);
        String name = request.path("FunctionName").asText() + "<-" + request.path("EventSourceArn").asText();
        record(name, "AWS::Lambda::EventSourceMapping", where, () -> creator.mapping(where, request));
    }

    private ObjectNode request(JsonNode entry, String section, String nameField) {
        if (!entry.isObject() || !entry.hasNonNull(nameField)) {
            throw new ResourceFileException(file + ": every entry of '" + section + "' needs " + nameField
                    + " (got " + entry + ")");
        }
        return ((ObjectNode) entry).deepCopy();
    }

    private String regionOf(ObjectNode request) {
        JsonNode own = request.remove("Region");
        return own == null ? region : Regions.check(own.asText(), creator, file);
    }

    private void record(String name, String type, String where, java.util.function.Supplier<Creator.Made> make) {
        try {
            Creator.Made made = make.get();
            applied.add(new Resource(name, type, where, made.physicalId(), made.outcome()));
        } catch (LocalCalls.CallFailedException e) {
            throw new ResourceFileException(file + ": " + type + " " + name + ": " + e.getMessage(), e);
        }
    }

    /** A map whose values the API takes as strings; objects in {@code jsonValued} become JSON text. */
    private static ObjectNode stringMap(JsonNode map, Set<String> jsonValued) {
        ObjectNode strings = NODES.objectNode();
        map.fields().forEachRemaining(e -> {
            JsonNode value = e.getValue();
            strings.put(e.getKey(), value.isContainerNode() && jsonValued.contains(e.getKey()) ? value.toString()
                    : value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asText());
        });
        return strings;
    }
}
