package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.junit.internal.faults.DataFaults;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * S3 asks clients to slow down: requests to the keys of a bucket under a prefix beyond a rate a second (a token
 * bucket on the stack's clock, writes and reads apart) answer {@code SlowDown} (503, "Please reduce your request
 * rate."), as S3 answers beyond 3,500 PUT/COPY/POST/DELETE and 5,500 GET/HEAD a second per prefix; the SDK retries
 * with back-off, and the ledger counts each attempt.
 *
 * <pre>{@code
 * @SlowDown(bucket = "uploads", prefix = "images/", writeRate = 5)
 * }</pre>
 *
 * <p>On a class (every test) or a method (that test), repeatable, usable in composed annotations.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(SlowDown.List.class)
@DeclaresFaults(DataFaults.SlowDownDeclaration.class)
public @interface SlowDown {

    /**
     * The bucket's name, as declared in {@link SimStack#buckets()}.
     *
     * @return the bucket
     */
    String bucket();

    /**
     * The key prefix; empty for every key.
     *
     * @return the prefix
     */
    String prefix() default "";

    /**
     * PUT, COPY, POST and DELETE requests a second served to the prefix; 0 refuses every one.
     *
     * @return the rate
     */
    double writeRate() default 3500;

    /**
     * GET and HEAD requests a second served to the prefix; 0 refuses every one.
     *
     * @return the rate
     */
    double readRate() default 5500;

    /** Holds repeated {@link SlowDown}s. */
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
        SlowDown[] value();
    }
}
