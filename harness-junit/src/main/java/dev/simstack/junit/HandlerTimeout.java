package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.junit.internal.faults.LambdaFaults;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * The function's handler is held up before it runs, on the stack's clock: without a {@link #delay()} (or with
 * one past the function's timeout) the invocation times out as on AWS ({@code Task timed out after N.00 seconds},
 * {@code X-Amz-Function-Error: Unhandled}) and the handler does not run.
 *
 * <pre>{@code
 * @HandlerTimeout(function = "worker", times = 1)
 * @HandlerTimeout(function = "worker", delay = "5s", nth = 2)
 * }</pre>
 *
 * <p>On a class (every test) or a method (that test), repeatable, usable in composed annotations.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(HandlerTimeout.List.class)
@DeclaresFaults(LambdaFaults.HandlerTimeoutDeclaration.class)
public @interface HandlerTimeout {

    /**
     * The function's name, as declared in {@link SimStack#functions()}.
     *
     * @return the function
     */
    String function();

    /**
     * How long the handler is held (e.g. {@code 5s}, {@code 250ms}); empty to time it out at the function's
     * timeout.
     *
     * @return the delay
     */
    String delay() default "";

    /**
     * The chance that a matching invocation is picked, in (0, 1], drawn from the test's seed per function.
     *
     * @return the probability
     */
    double probability() default 1;

    /**
     * Only the nth matching invocation (1-based); 0 for any.
     *
     * @return the invocation's number
     */
    long nth() default 0;

    /**
     * How many invocations are picked at most.
     *
     * @return the limit; {@code Long.MAX_VALUE} for none
     */
    long times() default Long.MAX_VALUE;

    /**
     * A regular expression found in the body of one of the event's records (an SQS batch's messages) or, for an
     * event without records, in its JSON; empty for every event.
     *
     * @return the pattern
     */
    String bodyMatches() default "";

    /** Holds repeated {@link HandlerTimeout}s. */
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
        HandlerTimeout[] value();
    }
}
