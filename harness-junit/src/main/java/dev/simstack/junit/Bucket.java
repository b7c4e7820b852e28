package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * An S3 bucket of {@link SimStack#buckets()}.
 *
 * <pre>{@code
 * @Bucket(name = "uploads", versioning = true,
 *         notifications = @Notification(queue = "uploaded", events = "s3:ObjectCreated:*", suffix = ".csv"))
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Bucket {

    /** The bucket's name, by S3's naming rules. */
    String name();

    /** Whether versioning is enabled. */
    boolean versioning() default false;

    /** Event notifications to queues or functions of the stack. */
    Notification[] notifications() default {};

    /** The region, when not the stack's default. */
    String region() default "";
}
