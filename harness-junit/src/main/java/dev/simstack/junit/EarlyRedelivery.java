package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.junit.internal.faults.EarlyRedeliveryFaults;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Lets a message's visibility timeout run out while its consumer still works: the message is visible again
 * {@code after} its first receive (sooner than its visibility timeout), so another receive gets it mid-handler with
 * ApproximateReceiveCount 2, and the first consumer's delete with its old receipt handle deletes nothing.
 *
 * <pre>{@code
 * @EarlyRedelivery(queue = "orders", after = "5s")
 * }</pre>
 *
 * <p>On a class (every test) or a method (that test), repeatable, usable in composed annotations.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(EarlyRedelivery.List.class)
@DeclaresFaults(EarlyRedeliveryFaults.class)
public @interface EarlyRedelivery {

    /**
     * The queue's name (a queue of the stack).
     *
     * @return the queue
     */
    String queue();

    /**
     * The time after the first receive when the message is visible again, on the stack's clock: 250ms, 5s, 1m or PT5S.
     *
     * @return the duration
     */
    String after();

    /**
     * Only messages whose body contains this text; empty for no such condition.
     *
     * @return the text, or empty
     */
    String bodyContains() default "";

    /**
     * Only messages whose body has a match of this regular expression (anchor it with ^...$ for the whole body);
     * empty for no such condition.
     *
     * @return the expression, or empty
     */
    String bodyMatches() default "";

    /**
     * Only messages carrying this message attribute, as name=value (e.g. type=refund); empty for no such condition.
     *
     * @return name=value, or empty
     */
    String attribute() default "";

    /**
     * The chance that a matching message is picked, in (0, 1], drawn per message from the queue's seeded stream.
     *
     * @return the probability
     */
    double probability() default 1;

    /**
     * How many messages are faulted at most.
     *
     * @return the limit
     */
    long times() default Long.MAX_VALUE;

    /** Holds repeated {@link EarlyRedelivery}s. */
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
        EarlyRedelivery[] value();
    }
}
