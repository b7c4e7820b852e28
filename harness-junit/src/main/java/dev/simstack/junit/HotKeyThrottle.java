package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.junit.internal.faults.DataFaults;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * A hot partition key: requests to one partition key of the table beyond a rate a second (a token bucket per key on
 * the stack's clock) are throttled as DynamoDB throttles a hot partition, with
 * {@code ProvisionedThroughputExceededException} (400, throttling reason {@code TableWriteKeyRangeThroughputExceeded});
 * the SDK retries them with back-off, and the ledger counts each attempt. Writes (PutItem, UpdateItem, DeleteItem),
 * and reads (GetItem) with {@link #reads()}.
 *
 * <pre>{@code
 * @HotKeyThrottle(table = "orders", key = "customer-1", rate = 10)
 * }</pre>
 *
 * <p>On a class (every test) or a method (that test), repeatable, usable in composed annotations.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(HotKeyThrottle.List.class)
@DeclaresFaults(DataFaults.HotKeyThrottleDeclaration.class)
public @interface HotKeyThrottle {

    /**
     * The table's name, as declared in {@link SimStack#tables()}.
     *
     * @return the table
     */
    String table();

    /**
     * The partition key's value as text (a number as written, binary as Base64); empty for each key, each with its own
     * bucket.
     *
     * @return the key
     */
    String key() default "";

    /**
     * Requests a second served to the key; 0 throttles every request.
     *
     * @return the rate
     */
    double rate() default 0;

    /**
     * Requests served at once before the rate applies; negative for as many as the rate (at least one).
     *
     * @return the burst
     */
    double burst() default -1;

    /**
     * Whether reads (GetItem) are throttled too, sharing the key's bucket.
     *
     * @return true to throttle reads
     */
    boolean reads() default false;

    /** Holds repeated {@link HotKeyThrottle}s. */
    @API(status = EXPERIMENTAL, since = "0.2")
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @interface List {

        /**
         * The repeated annotations.
         *
         * @return them
         */
        HotKeyThrottle[] value();
    }
}
