package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * One request of a burst, as the burst saw it.
 *
 * @param n the 0-based index in send order
 * @param sentAt its arrival: when it was sent, on the stack's clock
 * @param status the HTTP status of the answer, or 0 when none came (the connection failed, or the burst
 *     stopped waiting for it)
 * @param latency virtual time (the stack's clock) from {@code sentAt} to the answer; zero when none came
 * @param requestId the answer's request id ({@code x-amzn-RequestId}, {@code x-amz-request-id}), or
 *     {@code null} when it had none
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record BurstRequest(long n, Instant sentAt, int status, Duration latency, String requestId) {
}
