package dev.simstack.core.internal.services.cloudformation;

import java.time.Instant;

/**
 * One line of a stack's history as DescribeStackEvents shows it: the stack itself or one of its resources
 * entering a status.
 */
record StackEvent(String eventId, String logicalId, String physicalId, String type, Instant timestamp,
        String status, String reason) {
}
