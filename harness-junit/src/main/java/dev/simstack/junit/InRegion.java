package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * The region an injected client, handle or URL belongs to, when not the stack's default region:
 * {@code @InRegion("us-west-2") DynamoDbClient west}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface InRegion {

    /** A region of the stack, e.g. {@code us-west-2}. */
    String value();
}
