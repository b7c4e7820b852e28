package dev.simstack.assertions;

import static dev.simstack.assertions.error.ShouldAccountForEveryRequest.shouldAccountForEveryRequest;
import static dev.simstack.assertions.error.ShouldHaveBurstCount.shouldHaveBurstCount;
import static dev.simstack.assertions.error.ShouldHaveLatencyPercentileAtMost.shouldHaveLatencyPercentileAtMost;
import static dev.simstack.assertions.error.ShouldHaveThrottledFractionBetween.shouldHaveThrottledFractionBetween;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.junit.BurstRequest;
import dev.simstack.junit.BurstResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a burst did: its counts, its share of throttled requests, its latencies (in virtual time),
 * and that every request was sent once and answered. A failure shows the burst's one-line summary.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public class BurstResultAssert extends AbstractAssert<BurstResultAssert, BurstResult> {

    /**
     * An assert on {@code actual}; {@code SimStackAssertions.assertThat(burst)} is the usual way to get one.
     *
     * @param actual the burst's result
     */
    public BurstResultAssert(BurstResult actual) {
        super(actual, BurstResultAssert.class);
    }

    /**
     * Checks how many requests the burst sent.
     *
     * @param expected the number of requests
     * @return this assert
     */
    public BurstResultAssert hasTotal(int expected) {
        return counts("", BurstResult::total, expected);
    }

    /**
     * Checks how many requests were accepted (a 2xx answer).
     *
     * @param expected the number of accepted requests
     * @return this assert
     */
    public BurstResultAssert hasAccepted(int expected) {
        return counts("accepted", BurstResult::accepted, expected);
    }

    /**
     * Checks how many requests were throttled (429, or the service's throttling error).
     *
     * @param expected the number of throttled requests
     * @return this assert
     */
    public BurstResultAssert hasThrottled(int expected) {
        return counts("throttled", BurstResult::throttled, expected);
    }

    /**
     * Checks how many requests failed: neither accepted nor throttled, or not answered.
     *
     * @param expected the number of failed requests
     * @return this assert
     */
    public BurstResultAssert hasFailed(int expected) {
        return counts("failed", BurstResult::failed, expected);
    }

    /**
     * Checks the share of requests that were throttled, {@code throttled / total}, inclusive of both bounds.
     *
     * @param low the lowest share allowed, in [0, 1]
     * @param high the highest share allowed, in [low, 1]
     * @return this assert
     */
    public BurstResultAssert hasThrottledFractionBetween(double low, double high) {
        if (!(low >= 0 && low <= high && high <= 1)) {
            throw new IllegalArgumentException("a fraction range needs 0 <= low <= high <= 1, got " + low + " and "
                    + high);
        }
        int total = actual.total();
        double fraction = total == 0 ? 0 : (double) actual.throttled() / total;
        if (fraction < low || fraction > high) {
            throwAssertionError(shouldHaveThrottledFractionBetween(low, high, actual.throttled(), total,
                    actual.toString()));
        }
        return myself;
    }

    /**
     * Checks the latency at a percentile of the answered requests (nearest rank), in virtual time.
     *
     * @param percentile in (0, 100], e.g. 99
     * @param limit the longest latency allowed at it
     * @return this assert
     */
    public BurstResultAssert hasLatencyPercentileAtMost(double percentile, Duration limit) {
        Duration found = actual.latencyPercentile(percentile);
        if (found.compareTo(limit) > 0) {
            throwAssertionError(shouldHaveLatencyPercentileAtMost(percentile, limit, found, actual.toString()));
        }
        return myself;
    }

    /**
     * Checks that every request is accounted for: the indexes 0 to total - 1 each appear once, and each request
     * got an answer (none has status 0, which a reset connection or a burst that stopped waiting leaves).
     *
     * @return this assert
     */
    public BurstResultAssert accountsForEveryRequest() {
        List<BurstRequest> requests = actual.requests();
        int[] seen = new int[requests.size()];
        List<Long> unanswered = new ArrayList<>();
        List<Long> repeated = new ArrayList<>();
        for (BurstRequest request : requests) {
            if (request.status() == 0) {
                unanswered.add(request.n());
            }
            if (request.n() >= 0 && request.n() < seen.length && ++seen[(int) request.n()] == 2) {
                repeated.add(request.n());
            }
        }
        List<Long> missing = new ArrayList<>();
        for (int i = 0; i < seen.length; i++) {
            if (seen[i] == 0) {
                missing.add((long) i);
            }
        }
        if (!unanswered.isEmpty() || !missing.isEmpty() || !repeated.isEmpty()) {
            throwAssertionError(shouldAccountForEveryRequest(unanswered, missing, repeated, actual.toString()));
        }
        return myself;
    }

    private BurstResultAssert counts(String what, ToIntFunction<BurstResult> count, int expected) {
        int found = count.applyAsInt(actual);
        if (found != expected) {
            throwAssertionError(shouldHaveBurstCount(what, expected, found, actual.toString()));
        }
        return myself;
    }
}
