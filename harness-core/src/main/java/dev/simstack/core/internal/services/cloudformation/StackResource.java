package dev.simstack.core.internal.services.cloudformation;

import java.time.Instant;

/** A resource a stack holds: its logical and physical ids, its type and where it stands. */
record StackResource(String logicalId, String physicalId, String type, String status, String reason,
        Instant updated) {

    StackResource withStatus(String newStatus, String newReason, Instant at) {
        return new StackResource(logicalId, physicalId, type, newStatus, newReason, at);
    }
}
