package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.fault.RegionOutage;
import dev.simstack.junit.internal.faults.FailRegionFaults;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Takes regions down, as AWS's clients see an outage ({@link RegionOutage}): every call signed for them fails as
 * {@link #mode} says (the SDK retries it), every invocation of an API deployed in them answers 503, global-table
 * replication to and from them is held and catches up in order when they return, and their event source mappings
 * stop polling. For the whole test, or a window on the stack's clock ({@link #after}, {@link #duration}).
 *
 * <pre>{@code
 * @FailRegion(value = "us-west-2", mode = RegionOutage.Mode.INTERNAL_ERROR, after = "10s", duration = "1m")
 * }</pre>
 *
 * <p>On a class (every test) or a method (that test), repeatable, usable in composed annotations.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(FailRegion.List.class)
@DeclaresFaults(FailRegionFaults.class)
public @interface FailRegion {

    /**
     * The regions that are down, each one of the stack's regions.
     *
     * @return the regions
     */
    String[] value();

    /**
     * How the clients see the outage.
     *
     * @return the mode; {@code SERVICE_UNAVAILABLE} by default
     */
    RegionOutage.Mode mode() default RegionOutage.Mode.SERVICE_UNAVAILABLE;

    /**
     * When the outage starts after the test's start, on the stack's clock: {@code 250ms}, {@code 10s}, {@code 1m}
     * or ISO-8601 ({@code PT10S}).
     *
     * @return the delay; empty for at once
     */
    String after() default "";

    /**
     * How long the outage lasts, on the stack's clock (same forms as {@link #after}).
     *
     * @return the length; empty for the rest of the test
     */
    String duration() default "";

    /**
     * How long each call hangs in {@code TIMEOUT} mode (same forms as {@link #after}).
     *
     * @return the latency; empty for {@link RegionOutage#DEFAULT_LATENCY}
     */
    String latency() default "";

    /** Holds repeated {@link FailRegion}s. */
    @API(status = EXPERIMENTAL, since = "0.2")
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @interface List {

        /**
         * The outages.
         *
         * @return the outages
         */
        FailRegion[] value();
    }
}
