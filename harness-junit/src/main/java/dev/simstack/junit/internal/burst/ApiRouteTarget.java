package dev.simstack.junit.internal.burst;

import dev.simstack.core.ApiHandle;
import dev.simstack.core.ApiSpec;
import dev.simstack.core.Stack;
import dev.simstack.junit.BurstSpec;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A route of an API Gateway API, called over HTTP at the API's stage URL; API Gateway throttles with 429. */
final class ApiRouteTarget implements BurstTarget {

    /** The headers the JDK's HTTP client refuses to take from a caller. */
    private static final Set<String> SET_BY_THE_CLIENT = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    private final String apiName;
    private final String method;
    private final String pathTemplate;
    private final String baseUrl;
    private final long seed;
    private final ApiHandle handle;

    private ApiRouteTarget(String apiName, String method, String pathTemplate, String baseUrl, long seed,
            ApiHandle handle) {
        this.handle = handle;
        this.apiName = apiName;
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.baseUrl = baseUrl;
        this.seed = seed;
    }

    /** Checks that the API exists and, for an API the stack declares, that the route is one of its routes. */
    static ApiRouteTarget resolve(Stack stack, BurstSpec spec, String region) {
        String routeKey = spec.route();
        int space = routeKey.indexOf(' ');
        if (space <= 0 || !routeKey.substring(space + 1).startsWith("/")) {
            throw new IllegalArgumentException("burst on API '" + spec.api() + "': route '" + routeKey + "' is not a"
                    + " route key; write 'METHOD /path', e.g. 'POST /orders'");
        }
        ApiHandle handle;
        try {
            handle = stack.api(region, spec.api());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("burst on API '" + spec.api() + "': " + e.getMessage(), e);
        }
        spec.headers().keySet().stream().filter(name -> SET_BY_THE_CLIENT.contains(name.toLowerCase()))
                .findFirst().ifPresent(name -> {
                    throw new IllegalArgumentException("burst on API '" + spec.api() + "': header '" + name + "' is"
                            + " set by the HTTP client itself (as are Connection, Content-Length, Expect, Host and"
                            + " Upgrade); remove it");
                });
        String method = routeKey.substring(0, space);
        String path = routeKey.substring(space + 1);
        declared(stack, spec.api(), region).ifPresent(api -> checkRoute(api, method,
                Template.render(path, 0, stack.seed())));
        String base = handle.url().toString();
        return new ApiRouteTarget(spec.api(), method, path, base, stack.seed(), handle);
    }

    private static Optional<ApiSpec> declared(Stack stack, String name, String region) {
        return stack.config().apis().stream()
                .filter(api -> api.name().equals(name))
                .filter(api -> (api.region() == null ? stack.defaultRegion() : api.region()).equals(region))
                .findFirst();
    }

    private static void checkRoute(ApiSpec api, String method, String path) {
        List<String> keys = api.routes().stream().map(ApiSpec.Route::routeKey).toList();
        if (keys.stream().anyMatch(key -> RouteKeys.matches(key, method, path))) {
            return;
        }
        throw new IllegalArgumentException("burst on API '" + api.name() + "': '" + method + " " + path
                + "' is not a route of that API; its routes: " + (keys.isEmpty() ? "none" : String.join(", ", keys))
                + ". Set route to one of them, with path parameters filled in (e.g. GET /orders/${n} for"
                + " GET /orders/{id})");
    }

    @Override
    public String describe() {
        return method + " " + pathTemplate + " on " + apiName;
    }

    @Override
    public HttpRequest request(long n, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + Template.render(pathTemplate, n, seed)))
                .timeout(Duration.ofMinutes(30))
                .method(method.equals("ANY") ? "POST" : method, body.isEmpty()
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return builder.build();
    }

    @Override
    public boolean throttled(int status, String body, HttpHeaders headers) {
        return status == 429;
    }

    /** The requests API Gateway has decided: throttled, refused or handed on, each at the clock's instant then. */
    @Override
    public long decided() {
        try {
            return handle.requestsDecided();
        } catch (IllegalStateException gone) {
            return -1; // the API was deleted or re-created meanwhile: nothing to wait for
        }
    }

    /** The requests API Gateway has answered, counted before each answer is written back. */
    @Override
    public long answered() {
        try {
            return handle.requestsAnswered();
        } catch (IllegalStateException gone) {
            return -1;
        }
    }
}
