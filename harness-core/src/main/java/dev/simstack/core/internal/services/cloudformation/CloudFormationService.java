package dev.simstack.core.internal.services.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.protocol.QueryShapes;
import dev.simstack.core.internal.protocol.QueryShapes.Rule;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * AWS CloudFormation (API version 2010-05-15) over the Query protocol: stacks made from templates through the
 * stack's template support (the {@link StackTemplates} port), with their events, resources, outputs and
 * exports, rollback, updates and change sets. Every operation runs to its end before it answers, under one
 * lock: a control plane called a few times per deployment.
 */
public final class CloudFormationService implements Service {

    /** CloudFormation's lists travel as {@code Parameters.member.1.ParameterKey}, as IAM's do. */
    private static final QueryShapes SHAPES = QueryShapes.builder("http://cloudformation.amazonaws.com/doc/2010-05-15/")
            .input("Parameters", Rule.list("Parameters"))
            .input("Tags", Rule.list("Tags"))
            .input("Capabilities", Rule.list("Capabilities"))
            .input("StackStatusFilter", Rule.list("StackStatusFilter"))
            .input("NotificationARNs", Rule.list("NotificationARNs"))
            .input("ResourceTypes", Rule.list("ResourceTypes"))
            .build();

    public static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor("cloudformation", null, "1.0",
            "com.amazonaws.cloudformation", false, false, SHAPES);

    private final CloudFormationStore store = new CloudFormationStore();
    private final OperationTable<CloudFormationOperation> operations = OperationTable.forJsonAndQuery(DESCRIPTOR);

    /** @param templates the template support, given once the stack that owns it is built */
    public CloudFormationService(StackContext context, Supplier<StackTemplates> templates) {
        StackTemplates port = new LateTemplates(templates);
        Provisioning provisioning = new Provisioning(context, port, store);
        StackActions stacks = new StackActions(context, store, port, provisioning);
        stacks.register(operations);
        new ResourceActions(store).register(operations);
        new TemplateActions(store, port).register(operations);
        new ChangeSetActions(context, store, port, stacks, provisioning).register(operations);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CompletionStage<JsonNode> invoke(DecodedCall call) {
        CloudFormationOperation operation = operations.handler(call);
        synchronized (store) {
            return CompletableFuture.completedFuture(operation.invoke(call, new Input(call.input())));
        }
    }

    /** The stacks, change sets and exports, for the data directory's snapshots (under their lock). */
    CloudFormationStore store() {
        return store;
    }

    @Override
    public Runnable reset() {
        synchronized (store) {
            store.clear();
        }
        return () -> { };
    }

    @Override
    public void close() {
        // no timers or waiters
    }

    /** One CloudFormation operation, answering in the JSON shape the Query codec writes. */
    @FunctionalInterface
    interface CloudFormationOperation {
        JsonNode invoke(DecodedCall call, Input input);
    }

    /** The port, looked up on each use: the stack gives it after the engine (and this service) exist. */
    private record LateTemplates(Supplier<StackTemplates> supplier) implements StackTemplates {

        private StackTemplates port() {
            StackTemplates port = supplier.get();
            if (port == null) {
                throw new IllegalStateException("this engine has no template support; start it through Stack");
            }
            return port;
        }

        @Override
        public JsonNode parse(String body) {
            return port().parse(body);
        }

        @Override
        public String templateAt(String region, String url) {
            return port().templateAt(region, url);
        }

        @Override
        public java.util.List<StackOutput> deploy(Deployment deployment, ResourceProgress progress) {
            return port().deploy(deployment, progress);
        }

        @Override
        public java.util.Set<String> excluded(String region, String stackName, JsonNode template,
                java.util.Map<String, String> parameters) {
            return port().excluded(region, stackName, template, parameters);
        }

        @Override
        public void delete(String region, String type, String physicalId) {
            port().delete(region, type, physicalId);
        }
    }
}
