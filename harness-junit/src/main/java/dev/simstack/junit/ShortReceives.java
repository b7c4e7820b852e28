package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.junit.internal.faults.ShortReceivesFaults;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Makes receives return fewer messages than are available, even none, as SQS's short polling may.
 *
 * <pre>{@code
 * @ShortReceives(queue = "orders", atMost = 0)   // empty receives
 * }</pre>
 *
 * <p>On a class (every test) or a method (that test), repeatable, usable in composed annotations.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(ShortReceives.List.class)
@DeclaresFaults(ShortReceivesFaults.class)
public @interface ShortReceives {

    /**
     * The queue's name (a queue of the stack).
     *
     * @return the queue
     */
    String queue();

    /**
     * The chance that a receive is shortened, in (0, 1], drawn per receive from the queue's seeded stream.
     *
     * @return the probability
     */
    double probability() default 1;

    /**
     * The most a shortened receive returns (0 for empty receives); -1 for a count drawn below what it would return.
     *
     * @return the most, or -1
     */
    int atMost() default -1;

    /** Holds repeated {@link ShortReceives}s. */
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
        ShortReceives[] value();
    }
}
