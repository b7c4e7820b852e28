package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.ApiSpec;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * An API Gateway API of {@link SimStack#apis()}: a REST API (stage {@code prod}) or an HTTP API (stage
 * {@code $default}), its routes, its stage throttle and usage plans. Its invoke URL is injected with
 * {@link ApiUrl @ApiUrl}.
 *
 * <pre>{@code
 * @Api(name = "shop", routes = @Route(key = "POST /orders", queue = "orders"), rate = 100, burst = 50)
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Api {

    /** The API's name. */
    String name();

    /** A REST API (v1) or an HTTP API (v2). */
    ApiSpec.Kind kind() default ApiSpec.Kind.REST;

    /** The stage; {@code prod} for REST APIs and {@code $default} for HTTP APIs when empty. */
    String stage() default "";

    /** The routes. */
    Route[] routes() default {};

    /** The stage's steady-state rate in requests per second; the account's default (10,000) when 0. */
    double rate() default 0;

    /** The stage's burst; with {@link #rate()}. */
    int burst() default 0;

    /** Usage plans and their API keys (REST APIs). */
    UsagePlan[] usagePlans() default {};

    /** The region, when not the stack's default. */
    String region() default "";
}
