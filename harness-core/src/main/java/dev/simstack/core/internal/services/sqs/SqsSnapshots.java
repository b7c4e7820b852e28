package dev.simstack.core.internal.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SQS state for a data directory: every queue of every region with its attributes, tags and times, and
 * its messages ({@link MessageSnapshots}). Each queue is read under its own lock, so it is consistent in
 * itself; queues are not captured at one common instant.
 */
public final class SqsSnapshots {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SqsSnapshots() {
    }

    public static ObjectNode export(SqsService service) {
        ObjectNode json = NODES.objectNode();
        ArrayNode queues = json.putArray("queues");
        for (SqsRegion region : service.regions().all()) {
            for (SqsQueue queue : region.list(null)) {
                ObjectNode node = queues.addObject();
                node.put("region", region.name());
                node.put("name", queue.name());
                node.put("createdAt", queue.createdAt());
                node.put("lastModifiedAt", queue.lastModifiedAt());
                ObjectNode attributes = node.putObject("attributes");
                queue.attributes().asMap().forEach(attributes::put);
                ObjectNode tags = node.putObject("tags");
                queue.tags().forEach(tags::put);
                node.set("messages", queue.messages().snapshot());
            }
        }
        return json;
    }

    /**
     * Creates the snapshot's queues in an empty service and loads their messages. Redrive policies are set
     * once every queue exists, since a policy must name an existing dead-letter queue.
     *
     * @return the number of queues and of messages loaded
     */
    public static long[] restore(SqsService service, JsonNode snapshot) {
        long queues = 0;
        long messages = 0;
        for (JsonNode node : snapshot.path("queues")) {
            Map<String, String> attributes = strings(node.path("attributes"));
            attributes.remove(RedrivePolicy.ATTRIBUTE);
            SqsQueue queue = service.regions().region(node.path("region").asText())
                    .create(node.path("name").asText(), attributes, strings(node.path("tags")));
            queue.messages().restore(node.path("messages"));
            queues++;
            messages += node.path("messages").path("messages").size();
        }
        for (JsonNode node : snapshot.path("queues")) {
            SqsRegion region = service.regions().region(node.path("region").asText());
            SqsQueue queue = region.queue(node.path("name").asText());
            String redrive = node.path("attributes").path(RedrivePolicy.ATTRIBUTE).asText(null);
            if (redrive != null) {
                region.setAttributes(queue, Map.of(RedrivePolicy.ATTRIBUTE, redrive));
            }
            queue.restoreTimes(node.path("createdAt").asLong(), node.path("lastModifiedAt").asLong());
        }
        return new long[] {queues, messages};
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
        return map;
    }
}
