package dev.simstack.core.internal.services.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.services.cloudformation.StackTemplates.DeploymentFailedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a stack's operations as CloudFormation does, writing the events AWS writes: creation with rollback
 * (OnFailure ROLLBACK, DELETE or DO_NOTHING), updates that roll back, and deletion in reverse creation order.
 * Every operation completes before the call that started it answers, so a stack is never seen in progress.
 */
final class Provisioning {

    private static final String STACK_TYPE = "AWS::CloudFormation::Stack";
    private static final String USER_INITIATED = "User Initiated";

    private final StackContext context;
    private final StackTemplates templates;
    private final CloudFormationStore store;

    Provisioning(StackContext context, StackTemplates templates, CloudFormationStore store) {
        this.context = context;
        this.templates = templates;
        this.store = store;
    }

    /** Creates the stack's resources; on failure rolls back as {@code onFailure} (ROLLBACK, DELETE, DO_NOTHING) says. */
    void create(String region, StackRecord stack, String onFailure) {
        stackEvent(stack, "CREATE_IN_PROGRESS", USER_INITIATED);
        try {
            stack.outputs = templates.deploy(deployment(region, stack, Map.of(), java.util.Set.of()),
                    new Events(stack, "CREATE", java.util.Set.of()));
            checkExports(region, stack);
            stackEvent(stack, "CREATE_COMPLETE", null);
            export(region, stack);
        } catch (DeploymentFailedException e) {
            String reason = failureReason(stack, "create", e);
            if (onFailure.equals("DO_NOTHING")) {
                stackEvent(stack, "CREATE_FAILED", reason);
                return;
            }
            stackEvent(stack, "ROLLBACK_IN_PROGRESS", reason + (reason.endsWith(".") ? "" : ".")
                    + " Rollback requested by user.");
            List<String> stuck = deleteResources(region, stack, new ArrayList<>(stack.resources.keySet()));
            stackEvent(stack, stuck.isEmpty() ? "ROLLBACK_COMPLETE" : "ROLLBACK_FAILED",
                    stuck.isEmpty() ? null : "The following resource(s) failed to delete: " + stuck + ". ");
            if (onFailure.equals("DELETE") && stuck.isEmpty()) {
                delete(region, stack);
            }
        }
    }

    /**
     * Applies a new template: resources it changes are deleted and made again, new ones made, those it no
     * longer has deleted in the cleanup; a failure makes the previous template's resources again.
     */
    void update(String region, StackRecord stack, JsonNode template, String body, Map<String, String> parameters,
            List<TemplateChanges.Change> changes) {
        JsonNode previousTemplate = stack.template;
        String previousBody = stack.templateBody;
        Map<String, String> previousParameters = stack.parameters;
        stackEvent(stack, "UPDATE_IN_PROGRESS", USER_INITIATED);
        List<String> replaced = changes.stream().filter(change -> "True".equals(change.replacement()))
                .map(TemplateChanges.Change::logicalId).toList();
        java.util.Set<String> inPlace = new java.util.HashSet<>(changes.stream()
                .filter(change -> "False".equals(change.replacement())).map(TemplateChanges.Change::logicalId).toList());
        deleteResources(region, stack, replaced);
        replaced.forEach(stack.resources::remove);
        List<String> before = new ArrayList<>(stack.resources.keySet());
        stack.template = template;
        stack.templateBody = body;
        stack.parameters = parameters;
        Events events = new Events(stack, "UPDATE", inPlace);
        try {
            stack.outputs = templates.deploy(deployment(region, stack, physicalIds(stack), inPlace), events);
            checkExports(region, stack);
        } catch (DeploymentFailedException e) {
            String reason = failureReason(stack, "update", e);
            stackEvent(stack, "UPDATE_ROLLBACK_IN_PROGRESS", reason);
            List<String> added = new ArrayList<>(stack.resources.keySet());
            added.removeAll(before);
            deleteResources(region, stack, added);
            added.forEach(stack.resources::remove);
            stack.template = previousTemplate;
            stack.templateBody = previousBody;
            stack.parameters = previousParameters;
            try {
                stack.outputs = templates.deploy(deployment(region, stack, physicalIds(stack), inPlace),
                        new Events(stack, "UPDATE", inPlace));
                stackEvent(stack, "UPDATE_ROLLBACK_COMPLETE", null);
            } catch (DeploymentFailedException again) {
                stackEvent(stack, "UPDATE_ROLLBACK_FAILED", again.getMessage());
            }
            return;
        }
        stackEvent(stack, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", null);
        List<String> gone = new ArrayList<>(before);
        gone.removeAll(events.touched);
        deleteResources(region, stack, gone);
        gone.forEach(stack.resources::remove);
        stack.lastUpdated = context.clock().now();
        stackEvent(stack, "UPDATE_COMPLETE", null);
        unexport(region, stack);
        export(region, stack);
    }

    /** Deletes every resource, newest first; DELETE_COMPLETE, or DELETE_FAILED naming what stayed. */
    void delete(String region, StackRecord stack) {
        stackEvent(stack, "DELETE_IN_PROGRESS", USER_INITIATED);
        List<String> stuck = deleteResources(region, stack, new ArrayList<>(stack.resources.keySet()));
        if (!stuck.isEmpty()) {
            stackEvent(stack, "DELETE_FAILED", "The following resource(s) failed to delete: " + stuck + ". ");
            return;
        }
        unexport(region, stack);
        stack.deleted = context.clock().now();
        stackEvent(stack, "DELETE_COMPLETE", null);
    }

    /** Deletes the named resources in reverse creation order; the logical ids of those that would not go. */
    private List<String> deleteResources(String region, StackRecord stack, List<String> logicalIds) {
        List<String> order = new ArrayList<>(stack.resources.keySet());
        order.retainAll(logicalIds);
        java.util.Collections.reverse(order);
        List<String> stuck = new ArrayList<>();
        for (String logicalId : order) {
            StackResource resource = stack.resources.get(logicalId);
            if (resource.status().endsWith("DELETE_COMPLETE")) {
                continue;
            }
            boolean made = resource.status().endsWith("_COMPLETE") && !resource.physicalId().isEmpty();
            if (made) {
                resourceEvent(stack, resource, "DELETE_IN_PROGRESS", null);
                try {
                    templates.delete(region, resource.type(), resource.physicalId());
                } catch (DeploymentFailedException e) {
                    resourceEvent(stack, resource, "DELETE_FAILED", e.getMessage());
                    stuck.add(logicalId);
                    continue;
                }
            }
            resourceEvent(stack, resource, "DELETE_COMPLETE", null);
        }
        return stuck;
    }

    private String failureReason(StackRecord stack, String verb, DeploymentFailedException e) {
        List<String> failed = stack.resources.values().stream()
                .filter(resource -> resource.status().endsWith("_FAILED")).map(StackResource::logicalId).toList();
        return failed.isEmpty() ? e.getMessage() : "The following resource(s) failed to " + verb + ": " + failed
                + ".";
    }

    private StackTemplates.Deployment deployment(String region, StackRecord stack, Map<String, String> existing,
            java.util.Set<String> inPlace) {
        return new StackTemplates.Deployment(region, stack.name, stack.id, stack.template, stack.parameters,
                existing, inPlace, name -> {
                    CloudFormationStore.Export export = store.exports(region).get(name);
                    return export == null ? null : export.value();
                });
    }

    private static Map<String, String> physicalIds(StackRecord stack) {
        Map<String, String> ids = new LinkedHashMap<>();
        stack.resources.forEach((id, resource) -> ids.put(id, resource.physicalId()));
        return ids;
    }

    /** An export name is the region's once: another stack's export of it fails this stack, as in AWS. */
    private void checkExports(String region, StackRecord stack) {
        for (StackTemplates.StackOutput output : stack.outputs) {
            CloudFormationStore.Export taken = output.exportName() == null ? null
                    : store.exports(region).get(output.exportName());
            if (taken != null && !taken.stackId().equals(stack.id)) {
                String owner = store.find(region, taken.stackId()).name;
                throw new DeploymentFailedException("Export with name " + output.exportName()
                        + " is already exported by stack " + owner, null);
            }
        }
    }

    /** Registers the stack's exports, checked by {@link #checkExports}. */
    private void export(String region, StackRecord stack) {
        for (StackTemplates.StackOutput output : stack.outputs) {
            if (output.exportName() != null) {
                store.exports(region).put(output.exportName(),
                        new CloudFormationStore.Export(output.exportName(), output.value(), stack.id));
            }
        }
    }

    private void unexport(String region, StackRecord stack) {
        store.exports(region).values().removeIf(export -> export.stackId().equals(stack.id));
    }

    void stackEvent(StackRecord stack, String status, String reason) {
        stack.status = status;
        stack.reason = reason;
        stack.events.add(new StackEvent(context.ids().nextUuid().toString(), stack.name, stack.id, STACK_TYPE,
                context.clock().now(), status, reason));
    }

    private void resourceEvent(StackRecord stack, StackResource resource, String status, String reason) {
        StackResource updated = resource.withStatus(status, reason, context.clock().now());
        stack.resources.put(resource.logicalId(), updated);
        stack.events.add(new StackEvent(resource.logicalId() + "-" + status + "-" + context.ids().next(),
                resource.logicalId(), resource.physicalId(), resource.type(), updated.updated(), status, reason));
    }

    /** Writes a resource's events as the template support reports it: in progress, initiated, complete. */
    private final class Events implements StackTemplates.ResourceProgress {

        private final StackRecord stack;
        private final String verb;
        private final List<String> touched = new ArrayList<>();
        private final java.util.Set<String> inPlace;

        Events(StackRecord stack, String verb, java.util.Set<String> inPlace) {
            this.stack = stack;
            this.verb = verb;
            this.inPlace = inPlace;
        }

        @Override
        public void started(String logicalId, String type) {
            touched.add(logicalId);
            StackResource held = stack.resources.get(logicalId);
            if (held != null && inPlace.contains(logicalId)) {
                resourceEvent(stack, held, "UPDATE_IN_PROGRESS", null);
                return;
            }
            if (held != null) {
                return; // kept as it is: no event, as CloudFormation writes none for an unchanged resource
            }
            StackResource pending = new StackResource(logicalId, "", type, "CREATE_IN_PROGRESS", null,
                    context.clock().now());
            stack.resources.put(logicalId, pending);
            resourceEvent(stack, pending, "CREATE_IN_PROGRESS", null);
        }

        @Override
        public void created(String logicalId, String type, String physicalId) {
            touched.add(logicalId);
            StackResource held = stack.resources.get(logicalId);
            if (held != null && held.status().equals("UPDATE_IN_PROGRESS")) {
                resourceEvent(stack, held, "UPDATE_COMPLETE", null);
            } else if (held != null && held.status().equals("CREATE_IN_PROGRESS") && held.physicalId().isEmpty()) {
                StackResource made = new StackResource(logicalId, physicalId, type, "CREATE_IN_PROGRESS", null,
                        context.clock().now());
                resourceEvent(stack, made, "CREATE_IN_PROGRESS", "Resource creation Initiated");
                resourceEvent(stack, made, "CREATE_COMPLETE", null);
            } else if (held == null) {
                StackResource made = new StackResource(logicalId, physicalId, type, "CREATE_IN_PROGRESS", null,
                        context.clock().now());
                resourceEvent(stack, made, "CREATE_IN_PROGRESS", null);
                resourceEvent(stack, made, "CREATE_IN_PROGRESS", "Resource creation Initiated");
                resourceEvent(stack, made, "CREATE_COMPLETE", null);
            }
        }

        @Override
        public void failed(String logicalId, String type, String reason) {
            StackResource held = stack.resources.getOrDefault(logicalId, new StackResource(logicalId, "", type,
                    "CREATE_IN_PROGRESS", null, context.clock().now()));
            resourceEvent(stack, held, held.physicalId().isEmpty() ? "CREATE_FAILED" : verb + "_FAILED", reason);
        }
    }
}
