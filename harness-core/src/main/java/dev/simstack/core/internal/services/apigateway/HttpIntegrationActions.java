package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * CreateIntegration, GetIntegration, GetIntegrations, UpdateIntegration and DeleteIntegration. SimStack calls
 * two kinds: {@code AWS_PROXY} to a Lambda function (payload format 1.0 or 2.0) and the {@code SQS-SendMessage}
 * subtype ("AWS service integration"), whose request parameters map the request onto SendMessage; the others
 * are refused when created, naming these.
 */
final class HttpIntegrationActions {

    private static final Set<String> MEMBERS = Set.of("integrationType", "integrationSubtype", "integrationUri",
            "integrationMethod", "payloadFormatVersion", "requestParameters", "responseParameters",
            "requestTemplates", "templateSelectionExpression", "timeoutInMillis", "connectionType", "connectionId",
            "credentialsArn", "description", "passthroughBehavior", "contentHandlingStrategy", "tlsConfig");
    /** SQS-SendMessage's parameters ("Integration subtype reference"); QueueUrl and MessageBody are required. */
    static final Set<String> SEND_MESSAGE_PARAMETERS = Set.of("QueueUrl", "MessageBody", "DelaySeconds",
            "MessageGroupId", "MessageDeduplicationId", "Region");
    private static final String TAKEN = "SimStack's HTTP API integrations are AWS_PROXY to a Lambda function"
            + " (payloadFormatVersion 1.0 or 2.0) and AWS_PROXY with integrationSubtype SQS-SendMessage";

    private final HttpControlPlane plane;

    HttpIntegrationActions(HttpControlPlane plane) {
        this.plane = plane;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put(HttpApiRoutes.PREFIX + "CreateIntegration", this::createIntegration);
        operations.put(HttpApiRoutes.PREFIX + "GetIntegration", (call, input) -> read(call, input, false));
        operations.put(HttpApiRoutes.PREFIX + "GetIntegrations", (call, input) -> HttpControlPlane.items(
                plane.api(call, input).httpDefinition(), HttpApiDefinition::integrations));
        operations.put(HttpApiRoutes.PREFIX + "UpdateIntegration", (call, input) -> read(call, input, true));
        operations.put(HttpApiRoutes.PREFIX + "DeleteIntegration", this::deleteIntegration);
    }

    /** A new integration of the request's members, checked. */
    static ObjectNode integrationJson(String id, JsonNode input, String region) {
        ObjectNode json = HttpControlPlane.NODES.objectNode();
        json.put("integrationId", id);
        json.put("connectionType", "INTERNET");
        json.put("timeoutInMillis", 30_000);
        ObjectNode integration = HttpControlPlane.merge(json, input, MEMBERS);
        if (integration.path("integrationSubtype").isTextual() && !integration.has("payloadFormatVersion")) {
            integration.put("payloadFormatVersion", "1.0"); // AWS service integrations take only 1.0
        }
        check(integration, region);
        return integration;
    }

    private JsonNode createIntegration(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        HttpApiDefinition definition = api.httpDefinition();
        synchronized (definition) {
            ObjectNode integration = integrationJson(plane.newId(), input.node(), call.region());
            definition.integrations().put(integration.path("integrationId").asText(), integration);
            plane.changed(api, definition, call.region());
            return integration.deepCopy();
        }
    }

    private JsonNode read(DecodedCall call, Input input, boolean update) {
        RestApi api = plane.api(call, input);
        HttpApiDefinition definition = api.httpDefinition();
        synchronized (definition) {
            String id = input.node().path("integrationId").asText();
            ObjectNode integration = HttpControlPlane.part(definition.integrations(), id, "Integration");
            if (!update) {
                return integration.deepCopy();
            }
            ObjectNode next = HttpControlPlane.merge(integration, input.node(), MEMBERS);
            check(next, call.region());
            definition.integrations().put(id, next);
            plane.changed(api, definition, call.region());
            return next.deepCopy();
        }
    }

    /** Deletes an integration no route targets (a route's target must name an integration of its API). */
    private JsonNode deleteIntegration(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        HttpApiDefinition definition = api.httpDefinition();
        synchronized (definition) {
            String id = input.node().path("integrationId").asText();
            HttpControlPlane.part(definition.integrations(), id, "Integration");
            for (ObjectNode route : definition.routes().values()) {
                if (route.path("target").asText("").equals("integrations/" + id)) {
                    throw ControlPlane.conflict("Integration " + id + " is the target of route "
                            + route.path("routeKey").asText() + ": update or delete the route first");
                }
            }
            definition.integrations().remove(id);
            plane.changed(api, definition, call.region());
        }
        return HttpControlPlane.NODES.objectNode();
    }

    private static void check(ObjectNode integration, String region) {
        String type = integration.path("integrationType").asText("");
        if (!type.equals("AWS_PROXY")) {
            throw ControlPlane.badRequest(type.isEmpty() ? "IntegrationType is required; " + TAKEN
                    : "Integration type " + type + " is not supported: " + TAKEN);
        }
        int timeout = integration.path("timeoutInMillis").asInt();
        if (timeout < 50 || timeout > 30_000) {
            throw ControlPlane.badRequest("Invalid timeout specified: " + timeout
                    + "; timeoutInMillis must be between 50 and 30000 for HTTP APIs");
        }
        String version = integration.path("payloadFormatVersion").asText("");
        if (!version.equals("1.0") && !version.equals("2.0")) {
            throw ControlPlane.badRequest(version.isEmpty()
                    ? "PayloadFormatVersion is required for HTTP API integrations: 1.0 or 2.0"
                    : "Invalid payload format version specified: " + version + "; it must be 1.0 or 2.0");
        }
        JsonNode subtype = integration.get("integrationSubtype");
        if (subtype == null) {
            if (HttpControlPlane.functionArn(integration.path("integrationUri").asText(null), region) == null) {
                throw ControlPlane.badRequest("Invalid integration URI specified: "
                        + integration.path("integrationUri").asText("(none)") + "; an AWS_PROXY integration without"
                        + " a subtype takes a Lambda function's ARN or its arn:aws:apigateway:REGION:lambda:path/"
                        + "2015-03-31/functions/ARN/invocations URI");
            }
            return;
        }
        checkSendMessage(integration, subtype.asText());
    }

    private static void checkSendMessage(ObjectNode integration, String subtype) {
        if (!subtype.equals(HttpControlPlane.SQS_SEND_MESSAGE)) {
            throw ControlPlane.badRequest("Integration subtype " + subtype + " is not supported: " + TAKEN);
        }
        if (!integration.path("payloadFormatVersion").asText().equals("1.0")) {
            throw ControlPlane.badRequest("Integrations of subtype SQS-SendMessage take payload format version 1.0");
        }
        JsonNode parameters = integration.path("requestParameters");
        for (String required : new String[] {"QueueUrl", "MessageBody"}) {
            if (!parameters.hasNonNull(required)) {
                throw ControlPlane.badRequest("Parameter " + required + " is required for integration subtype"
                        + " SQS-SendMessage");
            }
        }
        parameters.fieldNames().forEachRemaining(name -> {
            if (!SEND_MESSAGE_PARAMETERS.contains(name)) {
                throw ControlPlane.badRequest("Parameter " + name + " is not supported for integration subtype"
                        + " SQS-SendMessage; it takes " + new TreeSet<>(SEND_MESSAGE_PARAMETERS));
            }
        });
    }
}
