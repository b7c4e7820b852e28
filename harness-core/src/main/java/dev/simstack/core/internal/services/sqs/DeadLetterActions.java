package dev.simstack.core.internal.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;

/** ListDeadLetterSourceQueues, StartMessageMoveTask, ListMessageMoveTasks and CancelMessageMoveTask. */
final class DeadLetterActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** "The maximum number of messages per second ... can be set up to 500." Also the rate used when unset. */
    private static final int MAX_RATE = 500;

    private final SqsRegions regions;

    DeadLetterActions(SqsRegions regions) {
        this.regions = regions;
    }

    void register(OperationTable<SqsOperation> operations) {
        operations.put("ListDeadLetterSourceQueues", SqsOperation.sync(this::listDeadLetterSourceQueues));
        operations.put("StartMessageMoveTask", SqsOperation.sync(this::startMessageMoveTask));
        operations.put("ListMessageMoveTasks", SqsOperation.sync(this::listMessageMoveTasks));
        operations.put("CancelMessageMoveTask", SqsOperation.sync(this::cancelMessageMoveTask));
    }

    private JsonNode listDeadLetterSourceQueues(DecodedCall call, Input input) {
        SqsQueue deadLetterQueue = regions.queue(call, input);
        ListPage<SqsQueue> page = ListPage.of(regions.region(call).deadLetterSources(deadLetterQueue),
                SqsQueue::name, input.integer("MaxResults"), input.string("NextToken"));
        ObjectNode output = NODES.objectNode();
        ArrayNode urls = output.putArray("queueUrls");
        page.items().forEach(queue -> urls.add(queue.address().url(call.host())));
        if (page.nextToken() != null) {
            output.put("NextToken", page.nextToken());
        }
        return output;
    }

    private JsonNode startMessageMoveTask(DecodedCall call, Input input) {
        SqsRegion region = regions.region(call);
        SqsQueue source = existing(region, input.requiredString("SourceArn"), "SourceArn");
        if (region.deadLetterSources(source).isEmpty()) {
            // Redrive is "limited to supporting message redrive from queues that are configured as DLQs".
            throw SqsErrors.resourceNotFound("Source queue must be configured as a Dead Letter Queue.");
        }
        String destinationArn = input.string("DestinationArn");
        SqsQueue destination = destinationArn == null ? null : existing(region, destinationArn, "DestinationArn");
        if (destination != null && destination.fifo() != source.fifo()) {
            throw SqsErrors.invalidParameter("DestinationArn", destinationArn,
                    "The destination queue must be of the same type (FIFO or standard) as the source queue");
        }
        Integer rate = input.integer("MaxNumberOfMessagesPerSecond");
        if (rate != null && (rate < 1 || rate > MAX_RATE)) {
            throw SqsErrors.invalidParameter("MaxNumberOfMessagesPerSecond", rate,
                    "Must be between 1 and 500, if provided");
        }
        MessageMoveTask task = region.moveTasks().start(source, region, destination, rate,
                rate == null ? MAX_RATE : rate);
        return NODES.objectNode().put("TaskHandle", task.taskHandle());
    }

    private JsonNode listMessageMoveTasks(DecodedCall call, Input input) {
        SqsRegion region = regions.region(call);
        SqsQueue source = existing(region, input.requiredString("SourceArn"), "SourceArn");
        Integer max = input.integer("MaxResults");
        if (max != null && (max < 1 || max > 10)) {
            throw SqsErrors.invalidParameter("MaxResults", max, "Must be between 1 and 10, if provided");
        }
        ObjectNode output = NODES.objectNode();
        ArrayNode results = output.putArray("Results");
        for (MessageMoveTask task : region.moveTasks().list(source.arn(), max == null ? 1 : max)) {
            results.add(task.toJson(NODES));
        }
        return output;
    }

    private JsonNode cancelMessageMoveTask(DecodedCall call, Input input) {
        MessageMoveTask task = regions.region(call).moveTasks().get(input.requiredString("TaskHandle"));
        int moved = task.cancel();
        return NODES.objectNode().put("ApproximateNumberOfMessagesMoved", moved);
    }

    private static SqsQueue existing(SqsRegion region, String arn, String parameter) {
        if (QueueAddress.fromArn(arn) == null) {
            throw SqsErrors.invalidParameter(parameter, arn, "The ARN is not the ARN of an Amazon SQS queue");
        }
        SqsQueue queue = region.byArn(arn);
        if (queue == null) {
            throw SqsErrors.resourceNotFound("The resource that you specified for the " + parameter
                    + " parameter doesn't exist.");
        }
        return queue;
    }
}
