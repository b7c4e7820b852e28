package dev.simstack.core.internal.services.lambda;

import dev.simstack.core.LedgerEntry.InvocationOutcome;
import java.util.List;

/**
 * How one invocation ended.
 *
 * @param requestId its request id
 * @param outcome success, error, timeout or throttled
 * @param payload the handler's output, or AWS's error document; null when throttled
 * @param throttleReason the TooManyRequestsException reason when throttled, else null
 * @param version the version that ran
 * @param logs the lines the handler logged
 * @param durationMillis virtual time the handler ran
 */
record InvocationResult(String requestId, InvocationOutcome outcome, byte[] payload, String throttleReason,
        String version, List<String> logs, long durationMillis) {

    boolean failed() {
        return outcome == InvocationOutcome.ERROR || outcome == InvocationOutcome.TIMEOUT;
    }
}
