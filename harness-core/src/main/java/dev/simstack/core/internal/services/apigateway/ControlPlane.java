package dev.simstack.core.internal.services.apigateway;

import dev.simstack.core.AwsException;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import java.util.ArrayList;
import java.util.List;

/**
 * What the REST API control plane's action families share: finding an API, resource, method or integration
 * with AWS's errors, and turning a resource tree into the routes invocations match. Methods and integrations
 * take effect at once (AWS serves them only after the next deployment).
 */
final class ControlPlane {

    private final ApiRegions regions;

    ControlPlane(ApiRegions regions) {
        this.regions = regions;
    }

    ApiRegions regions() {
        return regions;
    }

    long now() {
        return regions.context().clock().millis();
    }

    static AwsException notFound(String message) {
        return new AwsException("NotFoundException", 404, message);
    }

    static AwsException badRequest(String message) {
        return new AwsException("BadRequestException", 400, message);
    }

    static AwsException conflict(String message) {
        return new AwsException("ConflictException", 409, message);
    }

    RestApi api(DecodedCall call, Input input) {
        String id = input.requiredString("restapi_id");
        RestApi api = regions.region(call.region()).apis().get(id);
        if (api == null || api.http()) {
            throw notFound("Invalid API identifier specified " + call.accountId() + ":" + id);
        }
        return api;
    }

    static ResourceTree.Resource resource(RestApi api, Input input) {
        ResourceTree.Resource resource = api.resources().get(input.requiredString("resource_id"));
        if (resource == null) {
            throw notFound("Invalid Resource identifier specified");
        }
        return resource;
    }

    static Method method(ResourceTree.Resource resource, Input input) {
        Method method = resource.methods().get(input.requiredString("http_method"));
        if (method == null) {
            throw notFound("Invalid Method identifier specified");
        }
        return method;
    }

    static Integration integration(Method method) {
        if (method.integration() == null) {
            throw notFound("Invalid Integration identifier specified");
        }
        return method.integration();
    }

    /** Stores {@code method} on {@code resource} and re-derives the API's routes. */
    void put(RestApi api, ResourceTree.Resource resource, Method method, String region) {
        resource.methods().put(method.httpMethod(), method);
        rebuildRoutes(api, region);
    }

    void rebuildRoutes(RestApi api, String region) {
        List<ApiRoute> routes = new ArrayList<>();
        for (ResourceTree.Resource resource : api.resources().all()) {
            for (Method method : resource.methods().values()) {
                Integration integration = method.integration();
                if (integration != null) {
                    routes.add(new ApiRoute(method.httpMethod(), resource.path(), routeType(integration),
                            target(integration.type(), integration.uri(), region), method.apiKeyRequired(), null));
                }
            }
        }
        api.replaceRoutes(routes);
    }

    /** The route's integration kind: a Lambda proxy, a Lambda or SQS AWS integration, or a mock. */
    private static String routeType(Integration integration) {
        return switch (integration.type()) {
            case "AWS_PROXY" -> "lambda";
            case "MOCK" -> "mock";
            default -> "sqs";
        };
    }

    /**
     * The integration's target ARN: a function's for AWS_PROXY, a queue's for AWS to SQS by path; null for
     * {@code sqs:action/SendMessage} (the queue comes with the request's {@code QueueUrl}), MOCK, or an
     * unknown URI.
     */
    static String target(String type, String uri, String region) {
        if (uri == null) {
            return null;
        }
        if (type.equals("AWS_PROXY")) {
            int at = uri.indexOf("/functions/");
            int end = uri.indexOf("/invocations");
            return at < 0 || end < at ? null : uri.substring(at + "/functions/".length(), end);
        }
        int at = uri.indexOf(":sqs:path/");
        if (at < 0) {
            return null;
        }
        String[] path = uri.substring(at + ":sqs:path/".length()).split("/");
        return path.length == 2 && !path[0].isEmpty() && !path[1].isEmpty()
                ? ResourceRef.queue(region, path[0], path[1]).arn() : null;
    }

    /** True for the integration URIs SimStack can call. */
    static boolean callable(String type, String uri, String region) {
        return switch (type) {
            case "MOCK" -> true;
            case "AWS_PROXY" -> target(type, uri, region) != null;
            case "AWS" -> uri != null && (target(type, uri, region) != null || uri.endsWith(":sqs:action/SendMessage"));
            default -> false;
        };
    }
}
