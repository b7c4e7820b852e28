package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/** An S3 event notification of a {@link Bucket}: to a queue or to a function (exactly one). */
@API(status = EXPERIMENTAL, since = "0.2")
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Notification {

    /** The queue the events go to. */
    String queue() default "";

    /** The function the events go to. */
    String function() default "";

    /** The event types, e.g. {@code s3:ObjectCreated:*}. */
    String[] events() default "s3:ObjectCreated:*";

    /** Only keys with this prefix. */
    String prefix() default "";

    /** Only keys with this suffix. */
    String suffix() default "";
}
