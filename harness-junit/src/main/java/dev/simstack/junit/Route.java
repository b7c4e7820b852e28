package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/** A route of an {@link Api}: {@code METHOD /path} to a queue (SQS SendMessage) or a function (Lambda proxy). */
@API(status = EXPERIMENTAL, since = "0.2")
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Route {

    /** {@code METHOD /path}, with {@code {param}} and {@code {proxy+}} parts; METHOD may be {@code ANY}. */
    String key();

    /** The queue the request body is sent to. */
    String queue() default "";

    /** The function invoked with the request (Lambda proxy integration). */
    String function() default "";

    /** Whether callers must send an {@code x-api-key} of a usage plan (REST APIs). */
    boolean apiKeyRequired() default false;

    /** The route's own rate in requests per second; the stage's when 0. */
    double rate() default 0;

    /** The route's own burst; the stage's when 0. */
    int burst() default 0;
}
