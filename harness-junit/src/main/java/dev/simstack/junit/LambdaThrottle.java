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
 * The function's reserved concurrency lowered for a window on the stack's clock: invocations beyond it are
 * throttled as on AWS ({@code TooManyRequestsException}, 429, reason
 * {@code ReservedFunctionConcurrentInvocationLimitExceeded}); an event source mapping backs off and its batch comes
 * back after the queue's visibility timeout.
 *
 * <pre>{@code
 * @LambdaThrottle(function = "worker", duration = "1m")
 * }</pre>
 *
 * <p>On a class (every test) or a method (that test), repeatable, usable in composed annotations.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(LambdaThrottle.List.class)
@DeclaresFaults(LambdaFaults.LambdaThrottleDeclaration.class)
public @interface LambdaThrottle {

    /**
     * The function's name, as declared in {@link SimStack#functions()}.
     *
     * @return the function
     */
    String function();

    /**
     * The lowered reserved concurrency; 0 throttles every invocation.
     *
     * @return the limit
     */
    int reservedConcurrency() default 0;

    /**
     * When the window opens, counted from the test's start on the stack's clock (e.g. {@code 10s}); empty for at
     * once.
     *
     * @return the delay
     */
    String after() default "";

    /**
     * How long the window lasts (e.g. {@code 1m}); empty for the whole test.
     *
     * @return the window's length
     */
    String duration() default "";

    /** Holds repeated {@link LambdaThrottle}s. */
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
        LambdaThrottle[] value();
    }
}
