package dev.simstack.core.internal.services.apigateway;

/**
 * One route of an API: method and path template ({@code /orders/{id}}, {@code /{proxy+}}), its
 * integration, whether it needs an API key, and its own throttle (or null for the stage's).
 *
 * @param method an HTTP method or {@code ANY}
 * @param path the resource path template; null for an HTTP API's {@code $default} route
 * @param integrationType {@code lambda} or {@code sqs}
 * @param target the function's or the queue's ARN
 * @param apiKeyRequired whether {@code x-api-key} must name a key of a usage plan of the stage
 * @param throttle the route's throttle, or null
 */
record ApiRoute(String method, String path, String integrationType, String target, boolean apiKeyRequired,
        TokenBucket throttle) {

    /** {@code GET /orders/{id}}, or {@code $default}. */
    String routeKey() {
        return path == null ? "$default" : method + " " + path;
    }
}
