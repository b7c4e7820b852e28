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
 * The bucket's event notifications are delivered more than once, as S3's at-least-once delivery allows: each
 * picked event reaches its queue or function {@link #copies()} times, as identical messages (same
 * {@code sequencer}), so only an idempotent consumer processes it once.
 *
 * <pre>{@code
 * @DuplicateNotification(bucket = "uploads", times = 1)
 * }</pre>
 *
 * <p>On a class (every test) or a method (that test), repeatable, usable in composed annotations.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(DuplicateNotification.List.class)
@DeclaresFaults(DataFaults.DuplicateNotificationDeclaration.class)
public @interface DuplicateNotification {

    /**
     * The bucket's name, as declared in {@link SimStack#buckets()}.
     *
     * @return the bucket
     */
    String bucket();

    /**
     * Only events of keys with this prefix; empty for every key.
     *
     * @return the prefix
     */
    String prefix() default "";

    /**
     * How many times a picked event is delivered.
     *
     * @return at least 2 for a duplicate
     */
    int copies() default 2;

    /**
     * The chance that a matching event is picked, in (0, 1], drawn from the test's seed per bucket.
     *
     * @return the probability
     */
    double probability() default 1;

    /**
     * Only the nth matching event (1-based, counted per destination); 0 for any.
     *
     * @return the event's number
     */
    long nth() default 0;

    /**
     * How many events are picked at most.
     *
     * @return the limit; {@code Long.MAX_VALUE} for none
     */
    long times() default Long.MAX_VALUE;

    /** Holds repeated {@link DuplicateNotification}s. */
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
        DuplicateNotification[] value();
    }
}
