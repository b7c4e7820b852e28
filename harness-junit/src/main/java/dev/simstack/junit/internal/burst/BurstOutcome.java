package dev.simstack.junit.internal.burst;

import dev.simstack.junit.BurstRequest;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;

/**
 * What a burst did, for {@code BurstResult}.
 *
 * @param description the target, e.g. {@code POST /orders on shop}
 * @param requests every request in send order
 * @param throttled the indexes of the throttled requests
 * @param elapsed virtual time from the first arrival to the last answer
 */
public record BurstOutcome(String description, List<BurstRequest> requests, BitSet throttled, Duration elapsed) {
}
