package dev.simstack.core.internal.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;

/** CreateQueue, GetQueueUrl, ListQueues, DeleteQueue and PurgeQueue. */
final class QueueActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SqsRegions regions;

    QueueActions(SqsRegions regions) {
        this.regions = regions;
    }

    void register(OperationTable<SqsOperation> operations) {
        operations.put("CreateQueue", SqsOperation.sync(this::createQueue));
        operations.put("GetQueueUrl", SqsOperation.sync(this::getQueueUrl));
        operations.put("ListQueues", SqsOperation.sync(this::listQueues));
        operations.put("DeleteQueue", SqsOperation.sync(this::deleteQueue));
        operations.put("PurgeQueue", SqsOperation.sync(this::purgeQueue));
    }

    private JsonNode createQueue(DecodedCall call, Input input) {
        String name = input.requiredString("QueueName");
        SqsQueue queue = regions.region(call).create(name, input.stringMap("Attributes"), input.stringMap("tags"));
        return url(queue, call);
    }

    private JsonNode getQueueUrl(DecodedCall call, Input input) {
        String name = input.requiredString("QueueName");
        String owner = input.string("QueueOwnerAWSAccountId");
        if (owner != null && !owner.equals(call.accountId())) {
            throw SqsErrors.queueDoesNotExist();
        }
        return url(regions.region(call).queue(name), call);
    }

    private JsonNode listQueues(DecodedCall call, Input input) {
        ListPage<SqsQueue> page = ListPage.of(regions.region(call).list(input.string("QueueNamePrefix")),
                SqsQueue::name, input.integer("MaxResults"), input.string("NextToken"));
        ObjectNode output = NODES.objectNode();
        if (!page.items().isEmpty()) {
            ArrayNode urls = output.putArray("QueueUrls");
            page.items().forEach(queue -> urls.add(queue.address().url(call.host())));
        }
        if (page.nextToken() != null) {
            output.put("NextToken", page.nextToken());
        }
        return output;
    }

    private JsonNode deleteQueue(DecodedCall call, Input input) {
        SqsQueue queue = regions.queue(call, input);
        regions.region(call).delete(queue);
        return NODES.objectNode();
    }

    private JsonNode purgeQueue(DecodedCall call, Input input) {
        regions.queue(call, input).messages().purge();
        return NODES.objectNode();
    }

    private static JsonNode url(SqsQueue queue, DecodedCall call) {
        return NODES.objectNode().put("QueueUrl", queue.address().url(call.host()));
    }
}
