package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.junit.internal.faults.PoisonMessagesFaults;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Poison messages: a Lambda function's event source mapping fails on the messages that match (the whole batch, or
 * with ReportBatchItemFailures those records), so they come back after the visibility timeout and travel to the
 * queue's dead-letter queue after its maxReceiveCount. Without a matcher every message is poison.
 *
 * <pre>{@code
 * @PoisonMessages(queue = "orders", bodyContains = "\"qty\":-1")
 * }</pre>
 *
 * <p>On a class (every test) or a method (that test), repeatable, usable in composed annotations.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(PoisonMessages.List.class)
@DeclaresFaults(PoisonMessagesFaults.class)
public @interface PoisonMessages {

    /**
     * The queue's name (a queue of the stack).
     *
     * @return the queue
     */
    String queue();

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

    /** Holds repeated {@link PoisonMessages}s. */
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
        PoisonMessages[] value();
    }
}
