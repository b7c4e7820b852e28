package dev.simstack.core.internal.services.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A change set: the template and parameters it would apply to its stack, and the changes that would make.
 *
 * @param type CREATE (the stack waits in REVIEW_IN_PROGRESS) or UPDATE
 * @param status CREATE_COMPLETE, or FAILED with {@code reason} when it holds no change
 * @param executionStatus AVAILABLE, UNAVAILABLE, EXECUTE_COMPLETE or EXECUTE_FAILED
 */
record ChangeSet(String id, String name, String stackId, String stackName, String type, String status,
        String executionStatus, String reason, String description, Instant created, String templateBody,
        JsonNode template, Map<String, String> parameters, List<String> capabilities, Map<String, String> tags,
        List<TemplateChanges.Change> changes) {

    ChangeSet withExecutionStatus(String newStatus) {
        return new ChangeSet(id, name, stackId, stackName, type, status, newStatus, reason, description, created,
                templateBody, template, parameters, capabilities, tags, changes);
    }
}
