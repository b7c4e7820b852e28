package dev.simstack.core.internal.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import dev.simstack.core.internal.engine.StackContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Amazon SQS: every operation of API version 2012-11-05, over the JSON protocol (AWS JSON 1.0,
 * query-compatible) and the older Query protocol, with state per region created on first use. This class
 * only dispatches; each operation family lives in its own action class.
 */
public final class SqsService implements Service {

    private static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor("sqs", "AmazonSQS", "1.0",
            "com.amazonaws.sqs", true, false, SqsQueryShapes.SHAPES);

    private final SqsRegions regions;
    private final SqsPort port;
    private final OperationTable<SqsOperation> operations = OperationTable.forJsonAndQuery(DESCRIPTOR);

    public SqsService(StackContext context) {
        this.regions = new SqsRegions(Objects.requireNonNull(context, "context"));
        this.port = new SqsPort(regions);
        new QueueActions(regions).register(operations);
        new AttributeActions(regions).register(operations);
        new TagActions(regions).register(operations);
        new SendActions(regions, port).register(operations);
        new ReceiveAction(regions, port).register(operations);
        new DeleteActions(regions, port).register(operations);
        new DeadLetterActions(regions).register(operations);
        new PermissionActions(regions).register(operations);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CompletionStage<JsonNode> invoke(DecodedCall call) {
        return operations.handler(call).invoke(call, new Input(call.input()));
    }

    /**
     * Creates a queue declared in a stack's configuration, with CreateQueue's rules (an existing queue
     * with the same attributes is fine), and returns its URL.
     *
     * @throws AwsException with CreateQueue's error when the name, attributes or tags are not valid
     */
    public String declareQueue(String region, String name, Map<String, String> attributes, Map<String, String> tags,
            String host) {
        SqsQueue queue = regions.region(region).create(name, attributes, tags);
        return queue.address().url(host);
    }

    /** Whether queue {@code name} exists in {@code region}. */
    public boolean hasQueue(String region, String name) {
        return regions.region(region).find(name) != null;
    }

    /** The harness's view of queue {@code name} in {@code region}, or null if there is no such queue. */
    public QueueView view(String region, String name) {
        SqsQueue queue = regions.region(region).find(name);
        return queue == null ? null : new QueueView(queue);
    }

    /** The names of the queues of every region that has any, by region, each list sorted. */
    public java.util.SortedMap<String, java.util.List<String>> queueNames() {
        java.util.SortedMap<String, java.util.List<String>> names = new java.util.TreeMap<>();
        for (SqsRegion region : regions.all()) {
            java.util.List<String> queues = region.names();
            if (!queues.isEmpty()) {
                names.put(region.name(), queues);
            }
        }
        return names;
    }

    /** The typed operations the engine's own callers use (and the protocol adapters decode into). */
    public SqsPort port() {
        return port;
    }

    SqsRegions regions() {
        return regions;
    }

    @Override
    public Runnable reset() {
        regions.reset();
        return () -> { };
    }

    @Override
    public void close() {
        regions.close();
    }
}
