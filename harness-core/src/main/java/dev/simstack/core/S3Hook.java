package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The fault points of S3's buckets (object writes, event notifications): see {@link SemanticHook}. The service calls these methods where AWS may
 * behave that way on its own; every default changes nothing.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface S3Hook extends SemanticHook {

    /**
     * Whether a request is refused with {@code SlowDown} (503, "Please reduce your request rate."), as S3 answers
     * requests to a prefix beyond its rate (3,500 PUT/COPY/POST/DELETE and 5,500 GET/HEAD per second per prefix,
     * while it scales); the SDKs retry it with back-off. Asked once per object request before it runs.
     *
     * @param bucket the bucket
     * @param key the object's key
     * @param read true for GET and HEAD, false for PUT, COPY, POST and DELETE
     * @return the fault's name, which the ledger notes on the request, to refuse it; {@code null} (the default) to
     *     serve it
     */
    default String slowsDown(ResourceRef bucket, String key, boolean read) {
        return null;
    }

    /**
     * When an event notification reaches one destination, as S3 delivers notifications at least once and
     * usually, not always, within seconds: each element is one delivery, that long after the event on the stack's
     * clock. {@code [0, 0]} delivers it twice at once, {@code [5 min]} once, late.
     *
     * @param bucket the bucket
     * @param key the object's key
     * @param eventName the event, as in the message ({@code ObjectCreated:Put}, ...)
     * @param destinationArn the queue's or function's ARN
     * @return the deliveries' delays; {@code null} (the default) to deliver it once, now
     */
    default List<Duration> notificationDelays(ResourceRef bucket, String key, String eventName,
            String destinationArn) {
        return null;
    }
}
