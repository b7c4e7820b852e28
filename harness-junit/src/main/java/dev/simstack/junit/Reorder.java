package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.junit.internal.faults.ReorderFaults;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Answers each receive from a standard queue out of send order (a shuffle drawn from the queue's seeded stream,
 * never the send order for two or more messages), as its best-effort ordering allows. Refused on a FIFO queue.
 *
 * <pre>{@code
 * @Reorder(queue = "orders")
 * }</pre>
 *
 * <p>On a class (every test) or a method (that test), repeatable, usable in composed annotations.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(Reorder.List.class)
@DeclaresFaults(ReorderFaults.class)
public @interface Reorder {

    /**
     * The queue's name (a queue of the stack).
     *
     * @return the queue
     */
    String queue();

    /** Holds repeated {@link Reorder}s. */
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
        Reorder[] value();
    }
}
