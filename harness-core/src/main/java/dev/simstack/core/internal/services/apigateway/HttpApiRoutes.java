package dev.simstack.core.internal.services.apigateway;

import dev.simstack.core.internal.protocol.restjson.RestJsonRoute;
import java.util.List;

/**
 * The HTTP API (apigatewayv2) control plane's operations by method and URI. apigatewayv2 signs as
 * {@code apigateway}, like the REST API's control plane, and shares five operation names with it
 * ({@code CreateStage}, {@code GetIntegration}, ...): its operations are named {@code v2/} and AWS's name,
 * after the {@code /v2/} that starts their URIs.
 */
final class HttpApiRoutes {

    /** The prefix of every apigatewayv2 operation's name. */
    static final String PREFIX = "v2/";

    private static final String API = "/v2/apis/{apiId}";

    static final List<RestJsonRoute> ROUTES = List.of(
            route("POST", "/v2/apis", "CreateApi", 201),
            route("GET", "/v2/apis", "GetApis", 200),
            route("GET", API, "GetApi", 200),
            route("PATCH", API, "UpdateApi", 200),
            route("DELETE", API, "DeleteApi", 204),
            route("POST", API + "/routes", "CreateRoute", 201),
            route("GET", API + "/routes", "GetRoutes", 200),
            route("GET", API + "/routes/{routeId}", "GetRoute", 200),
            route("PATCH", API + "/routes/{routeId}", "UpdateRoute", 200),
            route("DELETE", API + "/routes/{routeId}", "DeleteRoute", 204),
            route("POST", API + "/integrations", "CreateIntegration", 201),
            route("GET", API + "/integrations", "GetIntegrations", 200),
            route("GET", API + "/integrations/{integrationId}", "GetIntegration", 200),
            route("PATCH", API + "/integrations/{integrationId}", "UpdateIntegration", 200),
            route("DELETE", API + "/integrations/{integrationId}", "DeleteIntegration", 204),
            route("POST", API + "/stages", "CreateStage", 201),
            route("GET", API + "/stages", "GetStages", 200),
            route("GET", API + "/stages/{stageName}", "GetStage", 200),
            route("PATCH", API + "/stages/{stageName}", "UpdateStage", 200),
            route("DELETE", API + "/stages/{stageName}", "DeleteStage", 204),
            route("POST", API + "/deployments", "CreateDeployment", 201),
            route("GET", API + "/deployments", "GetDeployments", 200),
            route("GET", API + "/deployments/{deploymentId}", "GetDeployment", 200),
            route("DELETE", API + "/deployments/{deploymentId}", "DeleteDeployment", 204),
            route("POST", API + "/authorizers", "CreateAuthorizer", 201),
            route("GET", API + "/authorizers", "GetAuthorizers", 200),
            route("GET", API + "/authorizers/{authorizerId}", "GetAuthorizer", 200),
            route("PATCH", API + "/authorizers/{authorizerId}", "UpdateAuthorizer", 200),
            route("DELETE", API + "/authorizers/{authorizerId}", "DeleteAuthorizer", 204),
            route("DELETE", API + "/stages/{stageName}/cache/authorizers", "ResetAuthorizersCache", 204),
            route("POST", "/v2/tags/{resource-arn}", "TagResource", 201),
            route("GET", "/v2/tags/{resource-arn}", "GetTags", 200),
            route("DELETE", "/v2/tags/{resource-arn}", "UntagResource", 204));

    private HttpApiRoutes() {
    }

    private static RestJsonRoute route(String method, String template, String operation, int status) {
        return RestJsonRoute.of(method, template, PREFIX + operation, status);
    }
}
