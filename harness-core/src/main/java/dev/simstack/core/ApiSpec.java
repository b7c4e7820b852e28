package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An API Gateway API a stack creates when it starts: a REST API (v1) or an HTTP API (v2), its routes and
 * their integrations (Lambda proxy, or SQS SendMessage), one stage, and its throttling and usage plans.
 * Immutable; each {@code with*} returns a new value. Call it at
 * {@code stack.api(name).url()}, e.g. {@code http://127.0.0.1:PORT/_aws/execute-api/API_ID/prod}.
 *
 * <pre>{@code
 * ApiSpec.rest("orders")
 *     .withRoute("POST /orders", ApiSpec.Integration.sqs("orders-queue"))
 *     .withRoute("GET /orders/{id}", ApiSpec.Integration.lambda("get-order"))
 *     .withThrottle(100, 50);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ApiSpec {

    /** Which API Gateway product. */
    public enum Kind {
        /** A REST API (API Gateway v1); Lambda proxy events have version 1.0. */
        REST,
        /** An HTTP API (API Gateway v2); Lambda proxy events have version 2.0. */
        HTTP
    }

    /** Where a route sends its requests. */
    public static final class Integration {
        private final String type;
        private final String target;

        private Integration(String type, String target) {
            this.type = type;
            this.target = Objects.requireNonNull(target, "target");
        }

        /** A Lambda proxy integration with function {@code functionName} (AWS_PROXY). */
        public static Integration lambda(String functionName) {
            return new Integration("lambda", functionName);
        }

        /** An SQS SendMessage integration: the request body becomes the message body of {@code queueName}. */
        public static Integration sqs(String queueName) {
            return new Integration("sqs", queueName);
        }

        /** {@code lambda} or {@code sqs}. */
        public String type() {
            return type;
        }

        /** The function's or the queue's name. */
        public String target() {
            return target;
        }
    }

    /**
     * One route.
     *
     * @param routeKey {@code METHOD /path} with {@code {param}} and {@code {proxy+}} parts, METHOD may be ANY
     * @param integration where it goes
     * @param apiKeyRequired whether callers must send {@code x-api-key} (REST APIs)
     * @param rate the route's steady-state requests per second, or 0 for the stage's
     * @param burst the route's burst, or 0 for the stage's
     */
    public record Route(String routeKey, Integration integration, boolean apiKeyRequired, double rate, int burst) {
    }

    /**
     * A usage plan with its API keys: a throttle and a quota per key.
     *
     * @param name the plan's name
     * @param rate requests per second per key
     * @param burst burst per key
     * @param quotaLimit requests per period per key, or 0 for none
     * @param quotaPeriod {@code DAY}, {@code WEEK} or {@code MONTH}
     * @param apiKeys the key values that belong to the plan
     */
    public record UsagePlan(String name, double rate, int burst, int quotaLimit, String quotaPeriod,
            List<String> apiKeys) {
        /** Copies the plan's keys. */
        public UsagePlan {
            apiKeys = List.copyOf(apiKeys);
        }
    }

    private final Kind kind;
    private final String name;
    private final String stage;
    private final List<Route> routes;
    private final double rate;
    private final int burst;
    private final List<UsagePlan> usagePlans;
    private final String region;

    private ApiSpec(Kind kind, String name, String stage, List<Route> routes, double rate, int burst,
            List<UsagePlan> usagePlans, String region) {
        this.region = region;
        this.kind = kind;
        this.name = name;
        this.stage = stage;
        this.routes = Collections.unmodifiableList(routes);
        this.rate = rate;
        this.burst = burst;
        this.usagePlans = Collections.unmodifiableList(usagePlans);
    }

    /** A REST API with stage {@code prod} and the account's default throttle (10,000 rps, burst 5,000). */
    public static ApiSpec rest(String name) {
        return new ApiSpec(Kind.REST, Objects.requireNonNull(name, "name"), "prod", List.of(), 0, 0, List.of(),
                null);
    }

    /** An HTTP API with the {@code $default} stage and the account's default throttle. */
    public static ApiSpec http(String name) {
        return new ApiSpec(Kind.HTTP, Objects.requireNonNull(name, "name"), "$default", List.of(), 0, 0, List.of(),
                null);
    }

    /** The stage requests go to. */
    public ApiSpec withStage(String stageName) {
        return new ApiSpec(kind, name, Objects.requireNonNull(stageName, "stageName"), routes, rate, burst,
                usagePlans, region);
    }

    /** Adds a route, e.g. {@code ("GET /orders/{id}", Integration.lambda("get-order"))}. */
    public ApiSpec withRoute(String routeKey, Integration integration) {
        return withRoute(new Route(routeKey, integration, false, 0, 0));
    }

    /** Adds a route with its own key requirement and throttle. */
    public ApiSpec withRoute(Route route) {
        String key = Objects.requireNonNull(route, "route").routeKey();
        if (!key.equals("$default") && !key.matches("(ANY|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /\\S*")) {
            throw new IllegalArgumentException("a route key is 'METHOD /path' (or $default for an HTTP API), got '"
                    + key + "'");
        }
        List<Route> copy = new ArrayList<>(routes);
        copy.add(route);
        return new ApiSpec(kind, name, stage, copy, rate, burst, usagePlans, region);
    }

    /** The stage's throttle: steady-state requests per second and burst. */
    public ApiSpec withThrottle(double ratePerSecond, int burstLimit) {
        if (ratePerSecond <= 0 || burstLimit < 0) {
            throw new IllegalArgumentException("a throttle has a positive rate and a burst of 0 or more");
        }
        return new ApiSpec(kind, name, stage, routes, ratePerSecond, burstLimit, usagePlans, region);
    }

    /** Adds a usage plan (REST APIs); its keys are checked on routes that require one. */
    public ApiSpec withUsagePlan(UsagePlan plan) {
        List<UsagePlan> copy = new ArrayList<>(usagePlans);
        copy.add(Objects.requireNonNull(plan, "plan"));
        return new ApiSpec(kind, name, stage, routes, rate, burst, copy, region);
    }

    /** The same API in {@code region} instead of the stack's default region (one of the stack's). */
    @API(status = EXPERIMENTAL, since = "0.2")
    public ApiSpec inRegion(String region) {
        return new ApiSpec(kind, name, stage, routes, rate, burst, usagePlans, Objects.requireNonNull(region, "region"));
    }

    /** The region, or {@code null} for the stack's default region. */
    @API(status = EXPERIMENTAL, since = "0.2")
    public String region() {
        return region;
    }

    /** The kind of API: a REST API or an HTTP API. */
    public Kind kind() {
        return kind;
    }

    /** The API's name. */
    public String name() {
        return name;
    }

    /** The stage the API is deployed to. */
    public String stage() {
        return stage;
    }

    /** The routes, in the order they were added. */
    public List<Route> routes() {
        return routes;
    }

    /** The stage's rate, or 0 for the account default. */
    public double rate() {
        return rate;
    }

    /** The stage's burst, or 0 for the account default. */
    public int burst() {
        return burst;
    }

    /** The usage plans (REST APIs), in the order they were added. */
    public List<UsagePlan> usagePlans() {
        return usagePlans;
    }
}
