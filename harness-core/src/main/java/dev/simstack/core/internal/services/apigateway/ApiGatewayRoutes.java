package dev.simstack.core.internal.services.apigateway;

import dev.simstack.core.internal.protocol.restjson.RestJsonRoute;
import dev.simstack.core.internal.protocol.restjson.RestJsonRoutes;
import java.util.List;

/**
 * API invocations first, then the REST API control plane's operations by method and URI, then the HTTP API
 * control plane's ({@link HttpApiRoutes}).
 */
final class ApiGatewayRoutes {

    private static final String API = "/restapis/{restapi_id}";
    private static final String RESOURCE = API + "/resources/{resource_id}";
    private static final String METHOD = RESOURCE + "/methods/{http_method}";
    private static final String INTEGRATION = METHOD + "/integration";

    static final RestJsonRoutes ROUTES = withHttpApis(List.of(
            new RestJsonRoute("*", "/restapis/{apiId}/{stage}/_user_request_/{proxy+}", "Execute", 200, true),
            new RestJsonRoute("*", "/_aws/execute-api/{apiId}/{stage}/{proxy+}", "Execute", 200, true),
            new RestJsonRoute("POST", "/restapis?mode=import", "ImportRestApi", 201, true),
            RestJsonRoute.of("POST", "/restapis", "CreateRestApi", 201),
            RestJsonRoute.of("GET", "/restapis", "GetRestApis", 200),
            RestJsonRoute.of("GET", API, "GetRestApi", 200),
            RestJsonRoute.of("PATCH", API, "UpdateRestApi", 200),
            new RestJsonRoute("PUT", API, "PutRestApi", 200, true),
            RestJsonRoute.of("DELETE", API, "DeleteRestApi", 202),
            RestJsonRoute.of("GET", API + "/resources", "GetResources", 200),
            RestJsonRoute.of("POST", API + "/resources/{parent_id}", "CreateResource", 201),
            RestJsonRoute.of("GET", RESOURCE, "GetResource", 200),
            RestJsonRoute.of("PATCH", RESOURCE, "UpdateResource", 200),
            RestJsonRoute.of("DELETE", RESOURCE, "DeleteResource", 202),
            RestJsonRoute.of("PUT", INTEGRATION + "/responses/{status_code}", "PutIntegrationResponse", 201),
            RestJsonRoute.of("GET", INTEGRATION + "/responses/{status_code}", "GetIntegrationResponse", 200),
            RestJsonRoute.of("PATCH", INTEGRATION + "/responses/{status_code}", "UpdateIntegrationResponse", 200),
            RestJsonRoute.of("DELETE", INTEGRATION + "/responses/{status_code}", "DeleteIntegrationResponse", 204),
            RestJsonRoute.of("PUT", INTEGRATION, "PutIntegration", 201),
            RestJsonRoute.of("GET", INTEGRATION, "GetIntegration", 200),
            RestJsonRoute.of("PATCH", INTEGRATION, "UpdateIntegration", 200),
            RestJsonRoute.of("DELETE", INTEGRATION, "DeleteIntegration", 204),
            RestJsonRoute.of("PUT", METHOD + "/responses/{status_code}", "PutMethodResponse", 201),
            RestJsonRoute.of("GET", METHOD + "/responses/{status_code}", "GetMethodResponse", 200),
            RestJsonRoute.of("PATCH", METHOD + "/responses/{status_code}", "UpdateMethodResponse", 201),
            RestJsonRoute.of("DELETE", METHOD + "/responses/{status_code}", "DeleteMethodResponse", 204),
            RestJsonRoute.of("PUT", METHOD, "PutMethod", 201),
            RestJsonRoute.of("GET", METHOD, "GetMethod", 200),
            RestJsonRoute.of("PATCH", METHOD, "UpdateMethod", 200),
            RestJsonRoute.of("DELETE", METHOD, "DeleteMethod", 204),
            RestJsonRoute.of("POST", API + "/requestvalidators", "CreateRequestValidator", 201),
            RestJsonRoute.of("GET", API + "/requestvalidators", "GetRequestValidators", 200),
            RestJsonRoute.of("GET", API + "/requestvalidators/{requestvalidator_id}", "GetRequestValidator", 200),
            RestJsonRoute.of("DELETE", API + "/requestvalidators/{requestvalidator_id}", "DeleteRequestValidator", 202),
            RestJsonRoute.of("POST", API + "/models", "CreateModel", 201),
            RestJsonRoute.of("GET", API + "/models", "GetModels", 200),
            RestJsonRoute.of("GET", API + "/models/{model_name}/default_template", "GetModelTemplate", 200),
            RestJsonRoute.of("GET", API + "/models/{model_name}", "GetModel", 200),
            RestJsonRoute.of("PATCH", API + "/models/{model_name}", "UpdateModel", 200),
            RestJsonRoute.of("DELETE", API + "/models/{model_name}", "DeleteModel", 202),
            RestJsonRoute.of("GET", API + "/stages/{stage_name}/exports/{export_type}", "GetExport", 200),
            RestJsonRoute.of("POST", API + "/deployments", "CreateDeployment", 201),
            RestJsonRoute.of("GET", API + "/deployments", "GetDeployments", 200),
            RestJsonRoute.of("GET", API + "/deployments/{deployment_id}", "GetDeployment", 200),
            RestJsonRoute.of("DELETE", API + "/deployments/{deployment_id}", "DeleteDeployment", 202),
            RestJsonRoute.of("POST", API + "/stages", "CreateStage", 201),
            RestJsonRoute.of("GET", API + "/stages", "GetStages", 200),
            RestJsonRoute.of("GET", API + "/stages/{stage_name}", "GetStage", 200),
            RestJsonRoute.of("PATCH", API + "/stages/{stage_name}", "UpdateStage", 200),
            RestJsonRoute.of("DELETE", API + "/stages/{stage_name}", "DeleteStage", 202),
            RestJsonRoute.of("POST", API + "/authorizers", "CreateAuthorizer", 201),
            RestJsonRoute.of("GET", API + "/authorizers", "GetAuthorizers", 200),
            RestJsonRoute.of("GET", API + "/authorizers/{authorizer_id}", "GetAuthorizer", 200),
            RestJsonRoute.of("PATCH", API + "/authorizers/{authorizer_id}", "UpdateAuthorizer", 200),
            RestJsonRoute.of("DELETE", API + "/authorizers/{authorizer_id}", "DeleteAuthorizer", 202),
            RestJsonRoute.of("POST", API + "/authorizers/{authorizer_id}", "TestInvokeAuthorizer", 200),
            RestJsonRoute.of("DELETE", API + "/stages/{stage_name}/cache/authorizers", "FlushStageAuthorizersCache",
                    202),
            RestJsonRoute.of("PUT", API + "/gatewayresponses/{response_type}", "PutGatewayResponse", 201),
            RestJsonRoute.of("GET", API + "/gatewayresponses", "GetGatewayResponses", 200),
            RestJsonRoute.of("GET", API + "/gatewayresponses/{response_type}", "GetGatewayResponse", 200),
            RestJsonRoute.of("PATCH", API + "/gatewayresponses/{response_type}", "UpdateGatewayResponse", 200),
            RestJsonRoute.of("DELETE", API + "/gatewayresponses/{response_type}", "DeleteGatewayResponse", 202),
            RestJsonRoute.of("POST", "/usageplans", "CreateUsagePlan", 201),
            RestJsonRoute.of("GET", "/usageplans", "GetUsagePlans", 200),
            RestJsonRoute.of("GET", "/usageplans/{usageplanId}", "GetUsagePlan", 200),
            RestJsonRoute.of("PATCH", "/usageplans/{usageplanId}", "UpdateUsagePlan", 200),
            RestJsonRoute.of("DELETE", "/usageplans/{usageplanId}", "DeleteUsagePlan", 202),
            RestJsonRoute.of("POST", "/usageplans/{usageplanId}/keys", "CreateUsagePlanKey", 201),
            RestJsonRoute.of("GET", "/usageplans/{usageplanId}/keys", "GetUsagePlanKeys", 200),
            RestJsonRoute.of("GET", "/usageplans/{usageplanId}/keys/{keyId}", "GetUsagePlanKey", 200),
            RestJsonRoute.of("DELETE", "/usageplans/{usageplanId}/keys/{keyId}", "DeleteUsagePlanKey", 202),
            RestJsonRoute.of("POST", "/apikeys", "CreateApiKey", 201),
            RestJsonRoute.of("GET", "/apikeys", "GetApiKeys", 200),
            RestJsonRoute.of("GET", "/apikeys/{api_Key}", "GetApiKey", 200),
            RestJsonRoute.of("PATCH", "/apikeys/{api_Key}", "UpdateApiKey", 200),
            RestJsonRoute.of("DELETE", "/apikeys/{api_Key}", "DeleteApiKey", 202)));

    private static RestJsonRoutes withHttpApis(List<RestJsonRoute> restApis) {
        return new RestJsonRoutes(java.util.stream.Stream.of(restApis, DomainNameRoutes.ROUTES, HttpApiRoutes.ROUTES)
                .flatMap(List::stream).toList());
    }

    private ApiGatewayRoutes() {
    }
}
