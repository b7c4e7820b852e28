package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Fires a burst of requests at an API route or a queue of the test's stack before the test method runs,
 * after the per-method reset; the method takes the {@link BurstResult} as a parameter. The same burst in
 * code is a {@link BurstSpec} run by {@link Bursts#fire}.
 *
 * <pre>{@code
 * @Test
 * @Burst(api = "shop", route = "POST /orders", requests = 1000, over = "10m", body = "{\"id\":\"${n}\"}")
 * void survivesTheBurst(BurstResult burst) {
 *     assertThat(burst.accepted() + burst.throttled()).isEqualTo(1000);
 * }
 * }</pre>
 *
 * <p>A burst is an open model: each request is sent at its arrival instant whether or not earlier ones were
 * answered. Name exactly one target ({@link #api()} with {@link #route()}, or {@link #queue()}) and one size
 * ({@link #requests()} with {@link #over()}, or {@link #rate()} with {@link #duration()}). On a manual clock
 * the burst moves the clock itself, so ten minutes of arrivals take seconds and throttling comes out the
 * same every run; on a scaled clock it runs at the clock's scale; on a real clock in real time. How a
 * manual-clock burst waits for answers without waiting forever on a request that waits on the clock (a
 * Lambda cold start) is told at {@link Bursts}.
 *
 * <p>Templates ({@link #body()}, {@link #headers()} and the route's path) may hold {@code ${n}} (the
 * request's 0-based index), {@code ${seq}} (1-based) and {@code ${uuid}} (a UUID drawn from the stack's
 * seed, the same for the same request in every run).
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Burst {

    /** The name of an API declared on the stack; give its {@link #route()} too. */
    String api() default "";

    /**
     * The route key to call, e.g. {@code "POST /orders"}: one of the API's routes, its path filled in where
     * the route has parameters ({@code "GET /orders/${n}"} for {@code GET /orders/{id}}).
     */
    String route() default "";

    /** The name of a queue of the stack: each request is an SQS {@code SendMessage} of its body. */
    String queue() default "";

    /** How many requests; give {@link #over()} too. */
    int requests() default 0;

    /** The duration the {@link #requests()} are spread over: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h} or ISO-8601 ({@code PT10M}). */
    String over() default "";

    /** Requests per second; give {@link #duration()} too. */
    double rate() default 0;

    /** How long requests arrive at the {@link #rate()}; the same forms as {@link #over()}. */
    String duration() default "";

    /** How arrivals spread over the duration: evenly, or as a Poisson process drawn from the stack's seed. */
    Arrivals arrivals() default Arrivals.UNIFORM;

    /** The body template of each request; empty by default. */
    String body() default "";

    /** A generator of bodies instead of a {@link #body()} template; it needs a public no-argument constructor. */
    Class<? extends BurstBodies> bodies() default BurstBodies.None.class;

    /** Headers, each {@code "Name: value"}; the value is a template. */
    String[] headers() default {};

    /** The region of the API or queue; the stack's default region when empty. */
    String region() default "";
}
