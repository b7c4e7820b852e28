package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.protocol.restjson.RestMessage;
import dev.simstack.core.internal.services.sqs.MessageDraft;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A request to an HTTP API whose definition the apigatewayv2 control plane holds, handed to its route's
 * integration: a Lambda proxy in payload format 2.0 or 1.0 (the REST API's event and answer), or
 * {@code SQS-SendMessage} with the integration's request parameters mapped from the request.
 */
final class HttpIntegrationCall {

    private final Integrations integrations;
    private final String accountId;

    HttpIntegrationCall(Integrations integrations, String accountId) {
        this.integrations = integrations;
        this.accountId = accountId;
    }

    /**
     * Calls the integration; {@code authorized} is what the route's authorizer said of the request (the event's
     * {@code requestContext.authorizer}).
     */
    CompletableFuture<ObjectNode> invoke(RestApi api, ObjectNode integration, ApiRoute route, RestApi.Stage stage,
            ApiRequest request, Map<String, String> pathParameters, String region, HttpAuthorizers.Verdict authorized) {
        if (integration == null) { // the route lost its integration after it was matched
            return CompletableFuture.completedFuture(GatewayResponses.internalServerError());
        }
        if (HttpControlPlane.SQS_SEND_MESSAGE.equals(integration.path("integrationSubtype").asText())) {
            HttpParameterMapping mapping = new HttpParameterMapping(request, route, pathParameters, stage, accountId);
            return CompletableFuture.completedFuture(sendMessage(integration.path("requestParameters"), mapping,
                    region));
        }
        boolean v2 = integration.path("payloadFormatVersion").asText().equals("2.0");
        ObjectNode event = v2 ? ProxyEvents.v2Event(request, route, pathParameters, accountId, region)
                : ProxyEvents.v1Event(request, route, pathParameters, accountId, region,
                        Integer.toHexString(route.routeKey().hashCode()));
        ObjectNode authorizer = authorized.forPayload(v2);
        if (authorizer != null) {
            ((ObjectNode) event.path("requestContext")).set("authorizer", authorizer);
        }
        return integrations.lambda(api, route, request, ProxyEvents.bytes(event), v2);
    }

    /** SendMessage of the mapped parameters; SQS's answer, or its error with its status, as JSON. */
    private ObjectNode sendMessage(JsonNode parameters, HttpParameterMapping mapping, String region) {
        String queueUrl = mapping.value(parameters.path("QueueUrl").asText());
        ResourceRef queue = NonProxyIntegration.queueOfUrl(queueUrl, region);
        ResponseMapping.Backend sent;
        if (queue == null) {
            sent = Integrations.sqsError(new AwsException("AWS.SimpleQueueService.NonExistentQueue", 400,
                    "The specified queue does not exist: QueueUrl mapped to '" + queueUrl + "'"), "",
                    Map.of("Content-Type", "application/json"));
        } else {
            sent = integrations.sendMessage(queue, () -> MessageDraft.of(
                    mapping.value(parameters.path("MessageBody").asText()),
                    delay(optional(parameters, "DelaySeconds", mapping)),
                    optional(parameters, "MessageGroupId", mapping),
                    optional(parameters, "MessageDeduplicationId", mapping)));
        }
        return RestMessage.answer(sent.status(), "application/json", Map.of(),
                sent.body().getBytes(StandardCharsets.UTF_8));
    }

    private static String optional(JsonNode parameters, String name, HttpParameterMapping mapping) {
        JsonNode mapped = parameters.get(name);
        if (mapped == null) {
            return null;
        }
        String value = mapping.value(mapped.asText());
        return value.isEmpty() ? null : value;
    }

    private static Integer delay(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new AwsException("InvalidParameterValue", 400, "Value " + value
                    + " for parameter DelaySeconds is invalid. Reason: it must be an integer.");
        }
    }
}
