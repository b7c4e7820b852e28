package dev.simstack.core.internal.services.apigateway;

import dev.simstack.core.internal.protocol.restjson.RestJsonRoute;
import dev.simstack.core.internal.protocol.restjson.RestJsonRoutes;
import java.util.List;

/** API invocations first, then the REST API control plane's operations by method and URI. */
final class ApiGatewayRoutes {

    private static final String API = "/restapis/{restapi_id}";
    private static final String RESOURCE = API + "/resources/{resource_id}";

    static final RestJsonRoutes ROUTES = new RestJsonRoutes(List.of(
            new RestJsonRoute("*", "/restapis/{apiId}/{stage}/_user_request_/{proxy+}", "Execute", 200, true),
            new RestJsonRoute("*", "/_aws/execute-api/{apiId}/{stage}/{proxy+}", "Execute", 200, true),
            RestJsonRoute.of("POST", "/restapis", "CreateRestApi", 201),
            RestJsonRoute.of("GET", "/restapis", "GetRestApis", 200),
            RestJsonRoute.of("GET", API, "GetRestApi", 200),
            RestJsonRoute.of("DELETE", API, "DeleteRestApi", 202),
            RestJsonRoute.of("GET", API + "/resources", "GetResources", 200),
            RestJsonRoute.of("POST", API + "/resources/{parent_id}", "CreateResource", 201),
            RestJsonRoute.of("PUT", RESOURCE + "/methods/{http_method}/integration", "PutIntegration", 201),
            RestJsonRoute.of("PUT", RESOURCE + "/methods/{http_method}", "PutMethod", 201),
            RestJsonRoute.of("POST", API + "/deployments", "CreateDeployment", 201),
            RestJsonRoute.of("POST", API + "/stages", "CreateStage", 201),
            RestJsonRoute.of("GET", API + "/stages/{stage_name}", "GetStage", 200),
            RestJsonRoute.of("PATCH", API + "/stages/{stage_name}", "UpdateStage", 200),
            RestJsonRoute.of("POST", "/usageplans", "CreateUsagePlan", 201),
            RestJsonRoute.of("GET", "/usageplans/{usageplanId}", "GetUsagePlan", 200),
            RestJsonRoute.of("POST", "/usageplans/{usageplanId}/keys", "CreateUsagePlanKey", 201),
            RestJsonRoute.of("POST", "/apikeys", "CreateApiKey", 201)));

    private ApiGatewayRoutes() {
    }
}
