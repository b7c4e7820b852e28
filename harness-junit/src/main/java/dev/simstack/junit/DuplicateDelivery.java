package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.junit.internal.faults.DuplicateDeliveryFaults;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Delivers messages of a standard queue again, as SQS's at-least-once delivery allows: after the consumer deleted
 * them ({@link Mode#AFTER_DELETE}), twice in one receive ({@link Mode#SAME_RECEIVE}), or to the next receive too
 * ({@link Mode#TWO_RECEIVES}). The copy has the same MessageId, a new receipt handle and ApproximateReceiveCount one
 * higher. Picks exactly the {@code nth} matching message sent, or each matching message with {@code probability};
 * each picked message is duplicated once. Refused on a FIFO queue (exactly-once processing).
 *
 * <pre>{@code
 * @DuplicateDelivery(queue = "orders", nth = 2)
 * @DuplicateDelivery(queue = "orders", bodyMatches = "refund", mode = DuplicateDelivery.Mode.SAME_RECEIVE)
 * }</pre>
 *
 * <p>On a class (every test) or a method (that test), repeatable, usable in composed annotations.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(DuplicateDelivery.List.class)
@DeclaresFaults(DuplicateDeliveryFaults.class)
public @interface DuplicateDelivery {

    /**
     * The queue's name (a queue of the stack).
     *
     * @return the queue
     */
    String queue();

    /**
     * How the copy reaches the consumers.
     *
     * @return the mode
     */
    Mode mode() default Mode.AFTER_DELETE;

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
     * Exactly the nth matching message sent (1 for the first); 0 to pick by probability instead.
     *
     * @return the position in send order, or 0
     */
    long nth() default 0;

    /**
     * How many messages are faulted at most.
     *
     * @return the limit
     */
    long times() default Long.MAX_VALUE;

    /**
     * With AFTER_DELETE, the time after the delete when the message is visible again, on the stack's clock:
     * 250ms, 10s, 1m or PT10S.
     *
     * @return the duration
     */
    String after() default "0s";

    /** How a duplicate reaches the consumers. */
    @API(status = EXPERIMENTAL, since = "0.2")
    enum Mode {
        /** The delete succeeds, yet the message is visible again (after {@link DuplicateDelivery#after()}). */
        AFTER_DELETE,
        /** One receive answers the message twice, with two receipt handles. */
        SAME_RECEIVE,
        /** The message stays visible after a receive, so the next receive gets it too. */
        TWO_RECEIVES
    }

    /** Holds repeated {@link DuplicateDelivery}s. */
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
        DuplicateDelivery[] value();
    }
}
