package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * A queue of {@link SimStack#queues()}, created as CreateQueue would create it (same names, limits and
 * errors). Numeric attributes left at -1 keep AWS's defaults. A name ending in {@code .fifo} makes a FIFO queue.
 *
 * <pre>{@code
 * @Queue(name = "orders", deadLetterQueue = "orders-dlq", maxReceiveCount = 3, visibilityTimeout = 30)
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Queue {

    /** The queue's name; FIFO queues end in {@code .fifo}. */
    String name();

    /** The region, when not the stack's default. */
    String region() default "";

    /** Marks a FIFO queue; its name must end in {@code .fifo}. */
    boolean fifo() default false;

    /** {@code VisibilityTimeout} in seconds, 0 to 43,200 (AWS's default is 30). */
    int visibilityTimeout() default -1;

    /** {@code DelaySeconds}, 0 to 900. */
    int delaySeconds() default -1;

    /** {@code MessageRetentionPeriod} in seconds, 60 to 1,209,600 (AWS's default is four days). */
    int messageRetentionPeriod() default -1;

    /** {@code MaximumMessageSize} in bytes, 1,024 to 1,048,576. */
    int maximumMessageSize() default -1;

    /** {@code ReceiveMessageWaitTimeSeconds}, 0 to 20: long polling by default. */
    int receiveMessageWaitTimeSeconds() default -1;

    /** {@code ContentBasedDeduplication} of a FIFO queue. */
    boolean contentBasedDeduplication() default false;

    /** The dead-letter queue's name (same region) of the queue's RedrivePolicy. */
    String deadLetterQueue() default "";

    /** How many receives move a message to {@link #deadLetterQueue()}: 1 to 1,000, required with it. */
    int maxReceiveCount() default 0;

    /** Any other CreateQueue attribute as {@code Name=value}, e.g. {@code "DeduplicationScope=messageGroup"}. */
    String[] attributes() default {};

    /** Tags as {@code key=value}. */
    String[] tags() default {};
}
