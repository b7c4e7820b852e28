package dev.simstack.core.internal.services.lambda;

import dev.simstack.core.internal.protocol.restjson.RestJsonRoute;
import dev.simstack.core.internal.protocol.restjson.RestJsonRoutes;
import java.util.List;

/** The Lambda API's operations by method and URI, as in its service model (literal paths first). */
final class LambdaRoutes {

    private static final String FUNCTIONS = "/2015-03-31/functions";
    private static final String FUNCTION = FUNCTIONS + "/{FunctionName}";
    private static final String MAPPINGS = "/2015-03-31/event-source-mappings";

    static final RestJsonRoutes ROUTES = new RestJsonRoutes(List.of(
            RestJsonRoute.of("GET", "/2016-08-19/account-settings", "GetAccountSettings", 200),
            RestJsonRoute.of("POST", FUNCTIONS, "CreateFunction", 201),
            RestJsonRoute.of("GET", FUNCTIONS, "ListFunctions", 200),
            new RestJsonRoute("POST", FUNCTION + "/invocations", "Invoke", 200, true),
            RestJsonRoute.of("GET", FUNCTION + "/configuration", "GetFunctionConfiguration", 200),
            RestJsonRoute.of("PUT", FUNCTION + "/configuration", "UpdateFunctionConfiguration", 200),
            RestJsonRoute.of("PUT", FUNCTION + "/code", "UpdateFunctionCode", 200),
            RestJsonRoute.of("POST", FUNCTION + "/versions", "PublishVersion", 201),
            RestJsonRoute.of("GET", FUNCTION + "/versions", "ListVersionsByFunction", 200),
            RestJsonRoute.of("POST", FUNCTION + "/aliases", "CreateAlias", 201),
            RestJsonRoute.of("GET", FUNCTION + "/aliases", "ListAliases", 200),
            RestJsonRoute.of("GET", FUNCTION + "/aliases/{Name}", "GetAlias", 200),
            RestJsonRoute.of("DELETE", FUNCTION + "/aliases/{Name}", "DeleteAlias", 204),
            RestJsonRoute.of("GET", FUNCTION, "GetFunction", 200),
            RestJsonRoute.of("DELETE", FUNCTION, "DeleteFunction", 204),
            RestJsonRoute.of("PUT", "/2017-10-31/functions/{FunctionName}/concurrency", "PutFunctionConcurrency", 200),
            RestJsonRoute.of("GET", "/2019-09-30/functions/{FunctionName}/concurrency", "GetFunctionConcurrency", 200),
            RestJsonRoute.of("DELETE", "/2017-10-31/functions/{FunctionName}/concurrency",
                    "DeleteFunctionConcurrency", 204),
            RestJsonRoute.of("PUT", "/2019-09-25/functions/{FunctionName}/event-invoke-config",
                    "PutFunctionEventInvokeConfig", 200),
            RestJsonRoute.of("GET", "/2019-09-25/functions/{FunctionName}/event-invoke-config",
                    "GetFunctionEventInvokeConfig", 200),
            RestJsonRoute.of("POST", MAPPINGS, "CreateEventSourceMapping", 202),
            RestJsonRoute.of("GET", MAPPINGS, "ListEventSourceMappings", 200),
            RestJsonRoute.of("GET", MAPPINGS + "/{UUID}", "GetEventSourceMapping", 200),
            RestJsonRoute.of("PUT", MAPPINGS + "/{UUID}", "UpdateEventSourceMapping", 202),
            RestJsonRoute.of("DELETE", MAPPINGS + "/{UUID}", "DeleteEventSourceMapping", 202)));

    private LambdaRoutes() {
    }
}
