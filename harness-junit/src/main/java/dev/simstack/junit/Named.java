package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Which resource an injected handle is, by name: {@code @Named("orders") QueueHandle orders}. It may be left
 * out when the stack has exactly one resource of that kind.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Named {

    /** The resource's name. */
    String value();
}
