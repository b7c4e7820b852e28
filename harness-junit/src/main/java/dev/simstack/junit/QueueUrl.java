package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * The URL of a declared queue, injected into a {@code String} (or {@code URI}) parameter or field, as
 * GetQueueUrl answers it.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface QueueUrl {

    /** The queue's name. */
    String value();
}
