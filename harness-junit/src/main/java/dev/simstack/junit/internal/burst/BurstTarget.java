package dev.simstack.junit.internal.burst;

import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.util.Map;

/** Where a burst's requests go, and how an answer from there reads. */
interface BurstTarget {

    /** E.g. {@code POST /orders on shop} or {@code queue orders}, for progress lines and results. */
    String describe();

    /** The HTTP request of request {@code n}, with its body and headers already filled in. */
    HttpRequest request(long n, String body, Map<String, String> headers);

    /** Whether an answer says the request was throttled (429, or the service's throttling error). */
    boolean throttled(int status, String body, HttpHeaders headers);

    /**
     * How many requests the target has taken in and decided so far, to wait for before a manual clock moves on;
     * -1 when the target decides nothing by the clock (a queue has no throttle).
     */
    default long decided() {
        return -1;
    }

    /**
     * How many requests the target has answered so far, to wait for their answers to arrive before a manual clock
     * moves on; -1 when the target does not count them.
     */
    default long answered() {
        return -1;
    }
}
