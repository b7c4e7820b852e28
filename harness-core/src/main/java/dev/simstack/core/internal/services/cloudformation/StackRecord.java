package dev.simstack.core.internal.services.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One CloudFormation stack of a region, live or deleted; changed only under the service's lock. */
final class StackRecord {

    final String id;
    final String name;
    final Instant created;
    String status;
    String reason;
    Instant lastUpdated;
    Instant deleted;
    String templateBody;
    JsonNode template;
    Map<String, String> parameters = new LinkedHashMap<>();
    Map<String, String> tags = new LinkedHashMap<>();
    List<String> capabilities = List.of();
    /** Whether a failed creation keeps its resources (OnFailure DO_NOTHING, DisableRollback). */
    boolean disableRollback;
    List<StackTemplates.StackOutput> outputs = List.of();
    /** In creation order, so deletion walks it backwards: reverse dependency order. */
    final Map<String, StackResource> resources = new LinkedHashMap<>();
    /** Oldest first; DescribeStackEvents answers newest first. */
    final List<StackEvent> events = new ArrayList<>();

    StackRecord(String id, String name, Instant created) {
        this.id = id;
        this.name = name;
        this.created = created;
    }

    boolean isDeleted() {
        return "DELETE_COMPLETE".equals(status);
    }

    /** A stack whose last operation left it unusable but for deletion (AWS: update is refused). */
    boolean isRolledBackCreation() {
        return "ROLLBACK_COMPLETE".equals(status) || "ROLLBACK_FAILED".equals(status);
    }

    String description() {
        return template == null ? null : template.path("Description").isTextual()
                ? template.path("Description").textValue() : null;
    }
}
