package dev.simstack.core.internal.report;

import dev.simstack.core.AwsService;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.ResourceLink;
import dev.simstack.core.internal.services.sqs.QueueView;
import dev.simstack.core.internal.stack.Engine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * A stack's resources and their wiring: what exists now (queues, tables, buckets, functions, APIs), the
 * wiring the services hold (event source mappings, routes, notifications, redrive policies), and the wiring
 * the ledger shows was used (invocations by {@code sqs:} and {@code apigateway:} triggers), so a mapping
 * deleted before the report still shows. Written out as Mermaid source, and drawn by {@link GraphSvg}.
 */
final class ResourceGraph {

    /** A resource, keyed by service, region and name (a bucket has no account in its ARN). */
    record Node(String id, AwsService service, String region, String name, String label) {
    }

    /** An arrow from one resource to another. */
    record Edge(String from, String to, String label) {
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new java.util.ArrayList<>();
    private final Function<String, String> apiNames;
    private final Map<ResourceRef, ResourceRef> deadLetterQueues = new java.util.HashMap<>();

    private ResourceGraph(Function<String, String> apiNames) {
        this.apiNames = apiNames;
    }

    /** The graph of {@code engine}'s resources now, and of the wiring {@code entries} show was used. */
    static ResourceGraph of(Engine engine, List<LedgerEntry> entries) {
        ResourceGraph graph = new ResourceGraph(id -> engine.apiGateway().apiName(id));
        String account = engine.config().accountId();
        graph.addAll(AwsService.APIGATEWAY, engine.apiGateway().apiNames(), (region, name) ->
                engine.apiGateway().apiIds(region, name).forEach(id -> graph.node(ResourceRef.api(region, account, id))));
        graph.addAll(AwsService.S3, engine.s3().bucketNames(), null);
        graph.addAll(AwsService.SQS, engine.sqs().queueNames(), null);
        graph.addAll(AwsService.LAMBDA, engine.lambda().functionNames(), null);
        graph.addAll(AwsService.DYNAMODB, engine.dynamodb().tableNames(), null);
        engine.sqs().queueNames().forEach((region, names) -> names.forEach(name -> {
            QueueView queue = engine.sqs().view(region, name);
            ResourceRef dlq = queue == null ? null : ResourceLink.refOrNull(queue.deadLetterTargetArn());
            if (dlq != null) {
                graph.link(ResourceRef.queue(region, account, name), dlq, "dead letters");
                graph.deadLetterQueues.put(ResourceRef.queue(region, account, name), dlq);
            }
        }));
        engine.lambda().mappingLinks().forEach(link -> graph.link(link.from(), link.to(), link.label()));
        engine.apiGateway().routeLinks().forEach(link -> graph.link(link.from(), link.to(), link.label()));
        engine.s3().notificationLinks().forEach(link -> graph.link(link.from(), link.to(), link.label()));
        // Thousands of invocations share a handful of triggers: each pair is linked once.
        Set<List<Object>> seen = new java.util.HashSet<>();
        for (LedgerEntry entry : entries) {
            if (entry instanceof LedgerEntry.Invocation run && run.trigger() != null
                    && seen.add(List.of(run.trigger(), run.function()))) {
                graph.linkTrigger(run);
            }
        }
        return graph;
    }

    private void addAll(AwsService service, SortedMap<String, List<String>> names, Each custom) {
        names.forEach((region, list) -> list.forEach(name -> {
            if (custom != null) {
                custom.accept(region, name);
            } else {
                node(new ResourceRef(service, region, "", name));
            }
        }));
    }

    @FunctionalInterface
    private interface Each {
        void accept(String region, String name);
    }

    /** An invocation's trigger names the queue or API that invoked: wiring that was used. */
    private void linkTrigger(LedgerEntry.Invocation run) {
        String trigger = run.trigger();
        if (trigger.startsWith("sqs:")) {
            ResourceRef queue = ResourceLink.refOrNull(trigger.substring(4));
            if (queue != null && !hasEdge(id(queue), id(run.function()))) {
                link(queue, run.function(), "event source mapping");
            }
        } else if (trigger.startsWith("apigateway:")) {
            ResourceRef api = ResourceRef.api(run.function().region(), run.function().account(), trigger.substring(11));
            if (!hasEdge(id(api), id(run.function()))) {
                link(api, run.function(), "integration");
            }
        }
    }

    private boolean hasEdge(String from, String to) {
        return edges.stream().anyMatch(edge -> edge.from().equals(from) && edge.to().equals(to));
    }

    /**
     * Links two resources; a second link between the same two (two routes of an API to one function) joins its
     * label to the first's, since the diagram draws one pair's edges on top of each other.
     */
    private void link(ResourceRef from, ResourceRef to, String label) {
        String fromId = node(from).id();
        String toId = node(to).id();
        for (int i = 0; i < edges.size(); i++) {
            Edge edge = edges.get(i);
            if (edge.from().equals(fromId) && edge.to().equals(toId)) {
                if (!List.of(edge.label().split(", ")).contains(label)) {
                    edges.set(i, new Edge(fromId, toId, edge.label() + ", " + label));
                }
                return;
            }
        }
        edges.add(new Edge(fromId, toId, label));
    }

    private Node node(ResourceRef ref) {
        return nodes.computeIfAbsent(id(ref), id -> new Node(id, ref.service(), ref.region(), ref.name(), label(ref)));
    }

    private String label(ResourceRef ref) {
        if (ref.service() == AwsService.APIGATEWAY) {
            String name = apiNames.apply(ref.name());
            return name == null ? ref.name() : name + " (" + ref.name() + ")";
        }
        return ref.name();
    }

    /** S3 bucket ARNs have no region: a bucket is keyed by name alone, wherever its ref came from. */
    private static String id(ResourceRef ref) {
        String where = ref.service() == AwsService.S3 ? "" : ref.region() + "_";
        return (ref.service().signingName() + "_" + where + ref.name()).replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** Each queue's dead-letter queue, by the queue, for queues with a redrive policy. */
    Map<ResourceRef, ResourceRef> deadLetterQueues() {
        return Map.copyOf(deadLetterQueues);
    }

    List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    List<Edge> edges() {
        return List.copyOf(edges);
    }

    /** Whether the stack spans more than one region, so labels name theirs. */
    boolean multiRegion() {
        return nodes.values().stream().filter(node -> node.service() != AwsService.S3).map(Node::region)
                .distinct().count() > 1;
    }

    /** The graph as a Mermaid flowchart, left to right, with a shape and a colour per service. */
    String mermaid() {
        List<String> lines = new ArrayList<>();
        lines.add("flowchart LR");
        for (Node node : nodes.values()) {
            String text = "\"" + (multiRegion() && node.service() != AwsService.S3 ? node.region() + " · " : "")
                    + node.label().replace("\"", "'") + "\"";
            lines.add("    " + node.id() + shape(node.service(), text) + ":::" + node.service().signingName());
        }
        for (Edge edge : edges) {
            lines.add("    " + edge.from() + " -->|\"" + edge.label().replace("\"", "'") + "\"| " + edge.to());
        }
        for (AwsService service : AwsService.values()) {
            lines.add("    classDef " + service.signingName() + " fill:" + Palette.tint(service) + ",stroke:"
                    + Palette.of(service) + ",color:#212529");
        }
        return String.join("\n", lines) + "\n";
    }

    private static String shape(AwsService service, String text) {
        return switch (service) {
            case APIGATEWAY -> "{{" + text + "}}";
            case SQS -> "[[" + text + "]]";
            case LAMBDA -> "(" + text + ")";
            case DYNAMODB -> "[(" + text + ")]";
            case S3 -> "[/" + text + "\\]";
            case IAM, STS, CLOUDFORMATION -> "[" + text + "]";
        };
    }
}
