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
 * PutIntegration, GetIntegration, UpdateIntegration, DeleteIntegration and the integration responses
 * (Put/Get/Update/Delete IntegrationResponse). GetIntegration embeds the integration responses.
 */
final class IntegrationActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> PATCHABLE = Set.of("uri", "httpMethod", "requestParameters",
            "requestTemplates", "passthroughBehavior", "contentHandling", "timeoutInMillis", "cacheNamespace",
            "cacheKeyParameters", "credentials", "connectionType", "connectionId");
    private static final Set<String> RESPONSE_PATCHABLE = Set.of("selectionPattern", "responseParameters",
            "responseTemplates", "contentHandling");
    private static final Set<String> PASSTHROUGH = Set.of("WHEN_NO_MATCH", "WHEN_NO_TEMPLATES", "NEVER");

    private final ControlPlane plane;

    IntegrationActions(ControlPlane plane) {
        this.plane = plane;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put("PutIntegration", this::putIntegration);
        operations.put("GetIntegration", (call, input) -> MethodJson.integration(ControlPlane.integration(
                ControlPlane.method(ControlPlane.resource(plane.api(call, input), input), input))));
        operations.put("UpdateIntegration", this::updateIntegration);
        operations.put("DeleteIntegration", this::deleteIntegration);
        operations.put("PutIntegrationResponse", this::putIntegrationResponse);
        operations.put("GetIntegrationResponse", (call, input) -> MethodJson.integrationResponse(
                integrationResponse(ControlPlane.integration(ControlPlane.method(
                        ControlPlane.resource(plane.api(call, input), input), input)), input)));
        operations.put("UpdateIntegrationResponse", this::updateIntegrationResponse);
        operations.put("DeleteIntegrationResponse", this::deleteIntegrationResponse);
    }

    private JsonNode putIntegration(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        ResourceTree.Resource resource = ControlPlane.resource(api, input);
        Method method = ControlPlane.method(resource, input);
        ObjectNode document = ((ObjectNode) input.node()).deepCopy();
        // The wire name of integrationHttpMethod is httpMethod; the method's own is the path's http_method.
        if (input.string("integrationHttpMethod") != null) {
            document.put("httpMethod", input.string("integrationHttpMethod"));
        }
        if (!document.has("cacheNamespace")) {
            document.put("cacheNamespace", resource.id());
        }
        document.remove("integrationResponses");
        Integration integration = checked(MethodJson.integration(document), call.region());
        plane.put(api, resource, method.withIntegration(integration), call.region());
        return MethodJson.integration(integration);
    }

    private JsonNode updateIntegration(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        ResourceTree.Resource resource = ControlPlane.resource(api, input);
        Method method = ControlPlane.method(resource, input);
        Integration integration = ControlPlane.integration(method);
        ObjectNode patched = PatchOperations.apply(MethodJson.integration(integration),
                input.node().path("patchOperations"), PATCHABLE);
        Integration updated = checked(MethodJson.integration(patched), call.region()).keeping(integration);
        plane.put(api, resource, method.withIntegration(updated), call.region());
        return MethodJson.integration(updated);
    }

    private JsonNode deleteIntegration(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        ResourceTree.Resource resource = ControlPlane.resource(api, input);
        Method method = ControlPlane.method(resource, input);
        ControlPlane.integration(method);
        plane.put(api, resource, method.withIntegration(null), call.region());
        return NODES.objectNode();
    }

    /** AWS's checks, then SimStack's: only the integrations it can call are taken. */
    static Integration checked(Integration integration, String region) {
        String type = integration.type();
        if (!Set.of("AWS", "AWS_PROXY", "HTTP", "HTTP_PROXY", "MOCK").contains(type)) {
            throw ControlPlane.badRequest("Invalid integration type specified: " + type
                    + ". Must be one of [AWS, AWS_PROXY, HTTP, HTTP_PROXY, MOCK]");
        }
        if (!type.equals("MOCK") && (integration.httpMethod() == null || integration.httpMethod().isEmpty())) {
            throw ControlPlane.badRequest("Enumeration value for HttpMethod must be non-empty");
        }
        if (!PASSTHROUGH.contains(integration.passthroughBehavior())) {
            throw ControlPlane.badRequest("Invalid passthrough behavior specified: " + integration.passthroughBehavior()
                    + ". Must be one of " + PASSTHROUGH.stream().sorted().toList());
        }
        if (!ControlPlane.callable(type, integration.uri(), region)) {
            throw ControlPlane.badRequest("SimStack cannot call integration " + type + " " + integration.uri()
                    + ": it calls AWS_PROXY to a Lambda invocation URI, AWS to SQS "
                    + "(arn:aws:apigateway:REGION:sqs:path/ACCOUNT/QUEUE or arn:aws:apigateway:REGION:sqs:action/"
                    + "SendMessage) and MOCK");
        }
        return integration;
    }

    private JsonNode putIntegrationResponse(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        ResourceTree.Resource resource = ControlPlane.resource(api, input);
        Method method = ControlPlane.method(resource, input);
        Integration integration = ControlPlane.integration(method);
        String status = MethodActions.statusCode(input);
        if (!method.methodResponses().containsKey(status)) {
            throw ControlPlane.notFound("Invalid Response status code specified");
        }
        IntegrationResponse response = checked(MethodJson.integrationResponse(input.node(), status));
        plane.put(api, resource, method.withIntegration(integration.withResponse(status, response)), call.region());
        return MethodJson.integrationResponse(response);
    }

    private JsonNode updateIntegrationResponse(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        ResourceTree.Resource resource = ControlPlane.resource(api, input);
        Method method = ControlPlane.method(resource, input);
        Integration integration = ControlPlane.integration(method);
        IntegrationResponse response = integrationResponse(integration, input);
        ObjectNode patched = PatchOperations.apply(MethodJson.integrationResponse(response),
                input.node().path("patchOperations"), RESPONSE_PATCHABLE);
        IntegrationResponse updated = checked(MethodJson.integrationResponse(patched, response.statusCode()));
        plane.put(api, resource, method.withIntegration(integration.withResponse(response.statusCode(), updated)),
                call.region());
        return MethodJson.integrationResponse(updated);
    }

    private JsonNode deleteIntegrationResponse(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        ResourceTree.Resource resource = ControlPlane.resource(api, input);
        Method method = ControlPlane.method(resource, input);
        Integration integration = ControlPlane.integration(method);
        String status = integrationResponse(integration, input).statusCode();
        plane.put(api, resource, method.withIntegration(integration.withResponse(status, null)), call.region());
        return NODES.objectNode();
    }

    static IntegrationResponse checked(IntegrationResponse response) {
        try {
            if (!response.isDefault()) {
                java.util.regex.Pattern.compile(response.selectionPattern());
            }
        } catch (java.util.regex.PatternSyntaxException e) {
            throw ControlPlane.badRequest("Invalid selection pattern specified: " + response.selectionPattern());
        }
        return response;
    }

    private static IntegrationResponse integrationResponse(Integration integration, Input input) {
        IntegrationResponse response = integration.integrationResponses().get(input.requiredString("status_code"));
        if (response == null) {
            throw ControlPlane.notFound("Invalid Response status code specified");
        }
        return response;
    }
}
