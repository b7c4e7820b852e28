package dev.simstack.core.internal.services.lambda;

import dev.simstack.core.LedgerEntry.InvocationOutcome;
import java.util.List;

/**
 * How one invocation ended: what Invoke answers (the payload, and a function error when the handler
 * failed or timed out) and what the ledger and log tail need.
 *
 * @param requestId its request id
 * @param outcome success, error, timeout or throttled
 * @param payload the handler's output, or AWS's error document; null when throttled
 * @param throttleReason the TooManyRequestsException reason when throttled, else null
 * @param version the version that ran
 * @param logs the lines the handler logged
 * @param durationMillis virtual time the handler ran
 */
public record InvocationResult(String requestId, InvocationOutcome outcome, byte[] payload, String throttleReason,
        String version, List<String> logs, long durationMillis) {

    /** The handler failed or timed out: Invoke answers {@code X-Amz-Function-Error}. */
    public boolean failed() {
        return outcome == InvocationOutcome.ERROR || outcome == InvocationOutcome.TIMEOUT;
    }

    /** Refused for want of concurrency; nothing ran. */
    public boolean throttled() {
        return outcome == InvocationOutcome.THROTTLED;
    }

    /** {@code X-Amz-Function-Error}'s value: {@code Unhandled} when the handler failed, else null. */
    public String functionError() {
        return failed() ? "Unhandled" : null;
    }
}
