package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.junit.internal.faults.ReplicationLagFaults;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Makes global-table replication from one region to another lag, or pause for a window and then catch up in order
 * ({@link dev.simstack.fault.ReplicationLag}); the replica's reads are stale meanwhile, nothing is lost. Give a
 * {@link #lag}, a pause {@link #duration} (and its {@link #after}), or both; times are on the stack's clock.
 *
 * <pre>{@code
 * @ReplicationLag(from = "us-east-1", to = "us-west-2", lag = "30s")
 * @ReplicationLag(from = "us-east-1", to = "us-west-2", after = "1m", duration = "5m")
 * }</pre>
 *
 * <p>On a class (every test) or a method (that test), repeatable, usable in composed annotations.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(ReplicationLag.List.class)
@DeclaresFaults(ReplicationLagFaults.class)
public @interface ReplicationLag {

    /**
     * The region the writes are made in.
     *
     * @return the source region
     */
    String from();

    /**
     * The replica's region.
     *
     * @return the target region
     */
    String to();

    /**
     * The global table; empty for every one.
     *
     * @return the table's name
     */
    String table() default "";

    /**
     * How long after it was made a write reaches the replica: {@code 250ms}, {@code 30s}, {@code 1m} or ISO-8601.
     *
     * @return the lag; empty for the stack's own
     */
    String lag() default "";

    /**
     * When the pause starts after the test's start (same forms as {@link #lag}).
     *
     * @return the delay; empty for at once
     */
    String after() default "";

    /**
     * How long replication is paused (same forms as {@link #lag}).
     *
     * @return the pause's length; empty for no pause
     */
    String duration() default "";

    /** Holds repeated {@link ReplicationLag}s. */
    @API(status = EXPERIMENTAL, since = "0.2")
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @interface List {

        /**
         * The lags.
         *
         * @return the lags
         */
        ReplicationLag[] value();
    }
}
