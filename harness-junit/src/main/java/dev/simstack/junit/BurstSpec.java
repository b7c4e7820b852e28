package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.junit.internal.burst.BurstAnnotations;
import dev.simstack.junit.internal.burst.Template;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A burst in code: what {@link Burst} says as an annotation, as an immutable value for loops and
 * properties. Each {@code with*} returns a new value; {@link Bursts#fire} runs it.
 *
 * <pre>{@code
 * BurstSpec spec = BurstSpec.api("shop", "POST /orders")
 *         .withRequests(1000, Duration.ofMinutes(10))
 *         .withBody("{\"id\":\"${uuid}\"}");
 * BurstResult result = Bursts.fire(stack, spec);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class BurstSpec {

    private final String api;
    private final String route;
    private final String queue;
    private final int requests;
    private final double rate;
    private final Duration span;
    private final Arrivals arrivals;
    private final String body;
    private final BurstBodies bodies;
    private final Map<String, String> headers;
    private final String region;

    private BurstSpec(String api, String route, String queue, int requests, double rate, Duration span,
            Arrivals arrivals, String body, BurstBodies bodies, Map<String, String> headers, String region) {
        this.api = api;
        this.route = route;
        this.queue = queue;
        this.requests = requests;
        this.rate = rate;
        this.span = span;
        this.arrivals = arrivals;
        this.body = body;
        this.bodies = bodies;
        this.headers = Collections.unmodifiableMap(headers);
        this.region = region;
    }

    /**
     * A burst at route {@code routeKey} (e.g. {@code "POST /orders"}, its path may hold templates) of API
     * {@code apiName}; give it a size with {@link #withRequests} or {@link #withRate}.
     */
    public static BurstSpec api(String apiName, String routeKey) {
        requireText(apiName, "apiName");
        requireText(routeKey, "routeKey");
        Template.check(routeKey, "route");
        return new BurstSpec(apiName, routeKey, "", 0, 0, null, Arrivals.UNIFORM, "", null, new LinkedHashMap<>(),
                "");
    }

    /** A burst of SQS {@code SendMessage} calls to queue {@code queueName}; give it a size too. */
    public static BurstSpec queue(String queueName) {
        requireText(queueName, "queueName");
        return new BurstSpec("", "", queueName, 0, 0, null, Arrivals.UNIFORM, "", null, new LinkedHashMap<>(), "");
    }

    /**
     * The annotation as a spec.
     *
     * @throws IllegalArgumentException naming the element that is wrong and how to fix it: no target or
     *     two, a size missing or given twice, a duration that does not parse, a generator class that cannot
     *     be instantiated, a header that is not {@code Name: value}
     */
    public static BurstSpec of(Burst annotation) {
        return BurstAnnotations.toSpec(Objects.requireNonNull(annotation, "annotation"));
    }

    /** {@code requests} requests spread over {@code over}; replaces a rate given before. */
    public BurstSpec withRequests(int requests, Duration over) {
        if (requests <= 0) {
            throw new IllegalArgumentException("a burst sends at least one request, got requests = " + requests);
        }
        requirePositive(over, "over");
        return new BurstSpec(api, route, queue, requests, 0, over, arrivals, body, bodies, headers, region);
    }

    /**
     * {@code perSecond} requests per second for {@code duration}: {@code perSecond * duration} requests,
     * rounded; replaces a count given before.
     */
    public BurstSpec withRate(double perSecond, Duration duration) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("a burst's rate is a finite number of requests per second above 0,"
                    + " got " + perSecond);
        }
        requirePositive(duration, "duration");
        long count = Math.round(perSecond * duration.toNanos() / 1e9);
        if (count < 1 || count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a rate of " + perSecond + "/s for " + duration + " makes " + count
                    + " requests; give a rate and duration that make between 1 and " + Integer.MAX_VALUE);
        }
        return new BurstSpec(api, route, queue, (int) count, perSecond, duration, arrivals, body, bodies, headers,
                region);
    }

    /** How the arrivals spread: {@link Arrivals#UNIFORM} (the default) or {@link Arrivals#POISSON}. */
    public BurstSpec withArrivals(Arrivals arrivals) {
        return new BurstSpec(api, route, queue, requests, rate, span, Objects.requireNonNull(arrivals, "arrivals"),
                body, bodies, headers, region);
    }

    /** The body template ({@code ${n}}, {@code ${seq}}, {@code ${uuid}}); replaces a generator given before. */
    public BurstSpec withBody(String template) {
        Template.check(Objects.requireNonNull(template, "template"), "body");
        return new BurstSpec(api, route, queue, requests, rate, span, arrivals, template, null, headers, region);
    }

    /** A generator of bodies; replaces a body template given before. */
    public BurstSpec withBodies(BurstBodies bodies) {
        return new BurstSpec(api, route, queue, requests, rate, span, arrivals, "",
                Objects.requireNonNull(bodies, "bodies"), headers, region);
    }

    /** Adds (or replaces) header {@code name} with a value template. */
    public BurstSpec withHeader(String name, String valueTemplate) {
        requireText(name, "name");
        Template.check(Objects.requireNonNull(valueTemplate, "valueTemplate"), "header " + name);
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, valueTemplate);
        return new BurstSpec(api, route, queue, requests, rate, span, arrivals, body, bodies, copy, region);
    }

    /** The region of the API or queue, instead of the stack's default region. */
    public BurstSpec inRegion(String region) {
        requireText(region, "region");
        return new BurstSpec(api, route, queue, requests, rate, span, arrivals, body, bodies, headers, region);
    }

    /** The API's name, or the empty string for a queue burst. */
    public String api() {
        return api;
    }

    /** The route key, or the empty string for a queue burst. */
    public String route() {
        return route;
    }

    /** The queue's name, or the empty string for an API burst. */
    public String queue() {
        return queue;
    }

    /** How many requests the burst sends (for a rate, rate times duration, rounded); 0 until it has a size. */
    public int requests() {
        return requests;
    }

    /** The rate per second, or 0 when the size was given as a count. */
    public double rate() {
        return rate;
    }

    /** The duration the arrivals spread over, or {@code null} until it has a size. */
    public Duration span() {
        return span;
    }

    /** How the arrivals spread. */
    public Arrivals arrivals() {
        return arrivals;
    }

    /** The body template; empty when there is none, or when a generator makes the bodies. */
    public String body() {
        return body;
    }

    /** The generator of bodies, when one was given. */
    public Optional<BurstBodies> bodies() {
        return Optional.ofNullable(bodies);
    }

    /** The headers, name to value template, in the order they were added. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The region, or the empty string for the stack's default region. */
    public String region() {
        return region;
    }

    @Override
    public String toString() {
        String target = api.isEmpty() ? "queue " + queue : route + " on " + api;
        String size = rate > 0 ? rate + "/s for " + span : requests + " requests over " + span;
        return "burst " + target + (region.isEmpty() ? "" : " in " + region) + ": "
                + (span == null ? "no size yet" : size) + ", " + arrivals.name().toLowerCase() + " arrivals";
    }

    private static void requireText(String value, String what) {
        if (Objects.requireNonNull(value, what).isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    private static void requirePositive(Duration duration, String what) {
        if (Objects.requireNonNull(duration, what).isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a burst's " + what + " is a duration above 0, got " + duration);
        }
    }
}
