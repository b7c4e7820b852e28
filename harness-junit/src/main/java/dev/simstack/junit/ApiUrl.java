package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * The invoke URL of a declared API, injected into a {@code URI} (or {@code String}) parameter or field:
 * {@code http://127.0.0.1:PORT/_aws/execute-api/API_ID/STAGE}; append a route's path to call it.
 *
 * <pre>{@code
 * @Test
 * void acceptsAnOrder(@ApiUrl("shop") URI shop) { ... HttpRequest.newBuilder(shop.resolve("orders")) ... }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ApiUrl {

    /** The API's name. */
    String value();
}
