package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * PutMethod, GetMethod, UpdateMethod, DeleteMethod and the method responses (Put/Get/Update/Delete
 * MethodResponse). GetMethod embeds the method responses and the integration, as AWS does.
 */
final class MethodActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHOD_PATCHABLE = Set.of("authorizationType", "apiKeyRequired",
            "requestValidatorId", "operationName", "requestParameters", "requestModels", "authorizerId",
            "authorizationScopes");
    private static final Set<String> RESPONSE_PATCHABLE = Set.of("responseParameters", "responseModels");
    private static final Set<String> AUTHORIZATION_TYPES = Set.of("NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS");

    private final ControlPlane plane;

    MethodActions(ControlPlane plane) {
        this.plane = plane;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put("PutMethod", this::putMethod);
        operations.put("GetMethod", (call, input) -> MethodJson.method(
                ControlPlane.method(ControlPlane.resource(plane.api(call, input), input), input)));
        operations.put("UpdateMethod", this::updateMethod);
        operations.put("DeleteMethod", this::deleteMethod);
        operations.put("PutMethodResponse", this::putMethodResponse);
        operations.put("GetMethodResponse", (call, input) -> MethodJson.methodResponse(methodResponse(
                ControlPlane.method(ControlPlane.resource(plane.api(call, input), input), input), input)));
        operations.put("UpdateMethodResponse", this::updateMethodResponse);
        operations.put("DeleteMethodResponse", this::deleteMethodResponse);
    }

    private JsonNode putMethod(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        ResourceTree.Resource resource = ControlPlane.resource(api, input);
        String httpMethod = input.requiredString("http_method");
        if (resource.methods().containsKey(httpMethod)) {
            throw ControlPlane.conflict("Method already exists for this resource");
        }
        ObjectNode document = ((ObjectNode) input.node()).deepCopy();
        document.put("httpMethod", httpMethod);
        document.remove("methodResponses");
        document.remove("methodIntegration");
        Method method = checked(MethodJson.method(document), api);
        plane.put(api, resource, method, call.region());
        return MethodJson.method(method);
    }

    private JsonNode updateMethod(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        ResourceTree.Resource resource = ControlPlane.resource(api, input);
        Method method = ControlPlane.method(resource, input);
        ObjectNode patched = PatchOperations.apply(MethodJson.method(method), input.node().path("patchOperations"),
                METHOD_PATCHABLE);
        Method updated = checked(MethodJson.method(patched), api).keeping(method);
        plane.put(api, resource, updated, call.region());
        return MethodJson.method(updated);
    }

    private JsonNode deleteMethod(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        ResourceTree.Resource resource = ControlPlane.resource(api, input);
        resource.methods().remove(ControlPlane.method(resource, input).httpMethod());
        plane.rebuildRoutes(api, call.region());
        return NODES.objectNode();
    }

    private static Method checked(Method method, RestApi api) {
        if (method.authorizationType() == null || !AUTHORIZATION_TYPES.contains(method.authorizationType())) {
            throw ControlPlane.badRequest("Invalid authorization type specified. Must be one of "
                    + AUTHORIZATION_TYPES.stream().sorted().toList() + "; got " + method.authorizationType());
        }
        boolean authorized = method.authorizationType().equals("CUSTOM")
                || method.authorizationType().equals("COGNITO_USER_POOLS");
        if (authorized && (method.authorizerId() == null || !api.authorizers().containsKey(method.authorizerId()))) {
            throw ControlPlane.badRequest("Invalid authorizer ID specified. Setting the authorization type to "
                    + method.authorizationType() + " requires a valid authorizer (CreateAuthorizer's id); got "
                    + method.authorizerId());
        }
        if (method.requestValidatorId() != null && !method.requestValidatorId().isEmpty()
                && !api.requestValidators().containsKey(method.requestValidatorId())) {
            throw ControlPlane.badRequest("Invalid Request Validator identifier specified");
        }
        for (String model : method.requestModels().values()) {
            if (!api.models().containsKey(model)) {
                throw ControlPlane.badRequest("Invalid model identifier specified: " + model);
            }
        }
        return method;
    }

    private JsonNode putMethodResponse(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        ResourceTree.Resource resource = ControlPlane.resource(api, input);
        Method method = ControlPlane.method(resource, input);
        String status = statusCode(input);
        if (method.methodResponses().containsKey(status)) {
            throw ControlPlane.conflict("Response already exists for this resource");
        }
        MethodResponse response = MethodJson.methodResponse(input.node(), status);
        plane.put(api, resource, method.withResponse(status, response), call.region());
        return MethodJson.methodResponse(response);
    }

    private JsonNode updateMethodResponse(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        ResourceTree.Resource resource = ControlPlane.resource(api, input);
        Method method = ControlPlane.method(resource, input);
        MethodResponse response = methodResponse(method, input);
        ObjectNode patched = PatchOperations.apply(MethodJson.methodResponse(response),
                input.node().path("patchOperations"), RESPONSE_PATCHABLE);
        MethodResponse updated = MethodJson.methodResponse(patched, response.statusCode());
        plane.put(api, resource, method.withResponse(response.statusCode(), updated), call.region());
        return MethodJson.methodResponse(updated);
    }

    private JsonNode deleteMethodResponse(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        ResourceTree.Resource resource = ControlPlane.resource(api, input);
        Method method = ControlPlane.method(resource, input);
        plane.put(api, resource, method.withResponse(methodResponse(method, input).statusCode(), null), call.region());
        return NODES.objectNode();
    }

    private static MethodResponse methodResponse(Method method, Input input) {
        MethodResponse response = method.methodResponses().get(input.requiredString("status_code"));
        if (response == null) {
            throw ControlPlane.notFound("Invalid Response status code specified");
        }
        return response;
    }

    /** A status code as API Gateway takes one: three digits, 100 to 599. */
    static String statusCode(Input input) {
        String status = input.requiredString("status_code");
        if (!status.matches("[1-5]\\d\\d")) {
            throw ControlPlane.badRequest("Invalid status code specified: " + status
                    + " (a method or integration response status is an HTTP status code, 100 to 599)");
        }
        return status;
    }
}
