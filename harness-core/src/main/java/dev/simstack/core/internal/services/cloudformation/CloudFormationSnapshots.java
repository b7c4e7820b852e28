package dev.simstack.core.internal.services.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudFormation's state for a data directory: every stack of every region, live and deleted, with its template,
 * parameters, tags, capabilities, outputs, resources and events; and the regions' exports. The resources
 * themselves are the services' own state and saved by them; a reloaded stack names them by their physical ids,
 * so DeleteStack still deletes them. Change sets are saved with the template, parameters and changes they
 * would apply, so one created before a restart is executed after it (and an executed one still described).
 */
public final class CloudFormationSnapshots {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CloudFormationSnapshots() {
    }

    /** The service's stacks and exports, read under the service's lock. */
    public static ObjectNode export(CloudFormationService service) {
        CloudFormationStore store = service.store();
        ObjectNode json = NODES.objectNode();
        ArrayNode regions = json.putArray("regions");
        synchronized (store) {
            for (String region : store.regions()) {
                ObjectNode node = regions.addObject().put("name", region);
                ArrayNode stacks = node.putArray("stacks");
                store.stacks(region).forEach(stack -> stacks.add(stack(stack)));
                ArrayNode exports = node.putArray("exports");
                store.exports(region).values().forEach(export -> exports.addObject().put("name", export.name())
                        .put("value", export.value()).put("stackId", export.stackId()));
                ArrayNode changeSets = node.putArray("changeSets");
                store.changeSets(region).values().forEach(changeSet -> changeSets.add(changeSet(changeSet)));
            }
        }
        return json;
    }

    /** Loads what {@link #export} wrote into an empty service; the number of stacks loaded. */
    public static long restore(CloudFormationService service, JsonNode json) {
        CloudFormationStore store = service.store();
        long count = 0;
        synchronized (store) {
            for (JsonNode region : json.path("regions")) {
                String name = region.path("name").asText();
                for (JsonNode stack : region.path("stacks")) {
                    store.stacks(name).add(stack(stack));
                    count++;
                }
                for (JsonNode export : region.path("exports")) {
                    String exportName = export.path("name").asText();
                    store.exports(name).put(exportName, new CloudFormationStore.Export(exportName,
                            export.path("value").asText(), export.path("stackId").asText()));
                }
                for (JsonNode changeSet : region.path("changeSets")) {
                    ChangeSet loaded = changeSet(changeSet);
                    store.changeSets(name).put(loaded.id(), loaded);
                }
            }
        }
        return count;
    }

    private static ObjectNode stack(StackRecord stack) {
        ObjectNode json = NODES.objectNode().put("id", stack.id).put("name", stack.name)
                .put("created", stack.created.toString()).put("status", stack.status).put("reason", stack.reason)
                .put("lastUpdated", text(stack.lastUpdated)).put("deleted", text(stack.deleted))
                .put("templateBody", stack.templateBody).put("disableRollback", stack.disableRollback);
        json.set("template", stack.template);
        stack.parameters.forEach(json.putObject("parameters")::put);
        stack.tags.forEach(json.putObject("tags")::put);
        stack.capabilities.forEach(json.putArray("capabilities")::add);
        ArrayNode outputs = json.putArray("outputs");
        stack.outputs.forEach(output -> outputs.addObject().put("key", output.key()).put("value", output.value())
                .put("description", output.description()).put("exportName", output.exportName()));
        ArrayNode resources = json.putArray("resources");
        stack.resources.values().forEach(resource -> resources.addObject().put("logicalId", resource.logicalId())
                .put("physicalId", resource.physicalId()).put("type", resource.type())
                .put("status", resource.status()).put("reason", resource.reason())
                .put("updated", text(resource.updated())));
        ArrayNode events = json.putArray("events");
        stack.events.forEach(event -> events.addObject().put("eventId", event.eventId())
                .put("logicalId", event.logicalId()).put("physicalId", event.physicalId()).put("type", event.type())
                .put("timestamp", text(event.timestamp())).put("status", event.status())
                .put("reason", event.reason()));
        return json;
    }

    private static StackRecord stack(JsonNode json) {
        StackRecord stack = new StackRecord(json.path("id").asText(), json.path("name").asText(),
                Instant.parse(json.path("created").asText()));
        stack.status = string(json, "status");
        stack.reason = string(json, "reason");
        stack.lastUpdated = instant(json, "lastUpdated");
        stack.deleted = instant(json, "deleted");
        stack.templateBody = string(json, "templateBody");
        stack.template = json.path("template").isNull() || json.path("template").isMissingNode() ? null
                : json.get("template");
        stack.disableRollback = json.path("disableRollback").asBoolean();
        stack.parameters = strings(json.path("parameters"));
        stack.tags = strings(json.path("tags"));
        List<String> capabilities = new ArrayList<>();
        json.path("capabilities").forEach(capability -> capabilities.add(capability.asText()));
        stack.capabilities = List.copyOf(capabilities);
        List<StackTemplates.StackOutput> outputs = new ArrayList<>();
        json.path("outputs").forEach(output -> outputs.add(new StackTemplates.StackOutput(output.path("key").asText(),
                string(output, "value"), string(output, "description"), string(output, "exportName"))));
        stack.outputs = List.copyOf(outputs);
        json.path("resources").forEach(resource -> stack.resources.put(resource.path("logicalId").asText(),
                new StackResource(resource.path("logicalId").asText(), string(resource, "physicalId"),
                        string(resource, "type"), string(resource, "status"), string(resource, "reason"),
                        instant(resource, "updated"))));
        json.path("events").forEach(event -> stack.events.add(new StackEvent(string(event, "eventId"),
                string(event, "logicalId"), string(event, "physicalId"), string(event, "type"),
                instant(event, "timestamp"), string(event, "status"), string(event, "reason"))));
        return stack;
    }

    private static ObjectNode changeSet(ChangeSet changeSet) {
        ObjectNode json = NODES.objectNode().put("id", changeSet.id()).put("name", changeSet.name())
                .put("stackId", changeSet.stackId()).put("stackName", changeSet.stackName())
                .put("type", changeSet.type()).put("status", changeSet.status())
                .put("executionStatus", changeSet.executionStatus()).put("reason", changeSet.reason())
                .put("description", changeSet.description()).put("created", changeSet.created().toString())
                .put("templateBody", changeSet.templateBody());
        json.set("template", changeSet.template());
        changeSet.parameters().forEach(json.putObject("parameters")::put);
        changeSet.capabilities().forEach(json.putArray("capabilities")::add);
        changeSet.tags().forEach(json.putObject("tags")::put);
        ArrayNode changes = json.putArray("changes");
        changeSet.changes().forEach(change -> changes.addObject().put("action", change.action())
                .put("logicalId", change.logicalId()).put("physicalId", change.physicalId())
                .put("type", change.type()).put("replacement", change.replacement()));
        return json;
    }

    private static ChangeSet changeSet(JsonNode json) {
        List<String> capabilities = new ArrayList<>();
        json.path("capabilities").forEach(capability -> capabilities.add(capability.asText()));
        List<TemplateChanges.Change> changes = new ArrayList<>();
        json.path("changes").forEach(change -> changes.add(new TemplateChanges.Change(string(change, "action"),
                string(change, "logicalId"), string(change, "physicalId"), string(change, "type"),
                string(change, "replacement"))));
        return new ChangeSet(string(json, "id"), string(json, "name"), string(json, "stackId"),
                string(json, "stackName"), string(json, "type"), string(json, "status"),
                string(json, "executionStatus"), string(json, "reason"), string(json, "description"),
                instant(json, "created"), string(json, "templateBody"), json.get("template"),
                strings(json.path("parameters")), List.copyOf(capabilities), strings(json.path("tags")),
                List.copyOf(changes));
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        return map;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String string(JsonNode json, String member) {
        JsonNode value = json.path(member);
        return value.isTextual() ? value.textValue() : null;
    }

    private static Instant instant(JsonNode json, String member) {
        String text = string(json, member);
        return text == null ? null : Instant.parse(text);
    }
}
