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
 * The function's next invocations start a new execution environment although a warm one is idle, after an init
 * delay on the stack's clock; the ledger marks them cold starts.
 *
 * <pre>{@code
 * @ColdStarts(function = "worker", count = 2, initDelay = "1500ms")
 * }</pre>
 *
 * <p>On a class (every test) or a method (that test), repeatable, usable in composed annotations.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(ColdStarts.List.class)
@DeclaresFaults(LambdaFaults.ColdStartsDeclaration.class)
public @interface ColdStarts {

    /**
     * The function's name, as declared in {@link SimStack#functions()}.
     *
     * @return the function
     */
    String function();

    /**
     * How many invocations start cold.
     *
     * @return the count; {@code Long.MAX_VALUE} for every invocation
     */
    long count() default Long.MAX_VALUE;

    /**
     * The init delay of each forced cold start (e.g. {@code 2s}), added to the function's own cold-start delay;
     * empty for none.
     *
     * @return the delay
     */
    String initDelay() default "";

    /** Holds repeated {@link ColdStarts}s. */
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
        ColdStarts[] value();
    }
}
