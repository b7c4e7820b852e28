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
 * The function's invocations fail after the handler returned, as when the runtime exits after the handler's
 * writes and before Lambda records the result ({@code Runtime.ExitError}): the writes are done, and an event
 * source mapping's batch is not deleted, so it comes back after the queue's visibility timeout. A handler that is
 * not idempotent applies its writes twice.
 *
 * <pre>{@code
 * @CrashAfterEffect(function = "worker", times = 1)
 * }</pre>
 *
 * <p>On a class (every test) or a method (that test), repeatable, usable in composed annotations.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(CrashAfterEffect.List.class)
@DeclaresFaults(LambdaFaults.CrashAfterEffectDeclaration.class)
public @interface CrashAfterEffect {

    /**
     * The function's name, as declared in {@link SimStack#functions()}.
     *
     * @return the function
     */
    String function();

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

    /** Holds repeated {@link CrashAfterEffect}s. */
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
        CrashAfterEffect[] value();
    }
}
