package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.protocol.restjson.RestMessage;
import dev.simstack.core.internal.services.apigateway.mapping.MappingRequest;
import dev.simstack.core.internal.services.apigateway.mapping.MappingTemplates;
import dev.simstack.core.internal.services.apigateway.mapping.MappingTemplates.TemplateException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A non-proxy integration (AWS to SQS, MOCK), as "Set up data transformations for REST APIs" describes it:
 * the request template maps the method request to the integration request, the backend answers, an
 * integration response is selected by its status, and its template maps the answer to the method response.
 * A template that fails to render, or an answer no integration response takes, is API Gateway's 500.
 */
final class NonProxyIntegration {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final MappingTemplates templates;
    private final Integrations integrations;
    private final String accountId;

    NonProxyIntegration(MappingTemplates templates, Integrations integrations, String accountId) {
        this.templates = templates;
        this.integrations = integrations;
        this.accountId = accountId;
    }

    /**
     * The method response to {@code request}, for a method of a resource built with the control plane.
     *
     * @param authorizer {@code $context.authorizer} (principalId and the authorizer's context), or null
     */
    CompletableFuture<ObjectNode> invoke(ApiRoute route, Method method, String resourceId, RestApi.Stage stage,
            ApiRequest request, Map<String, String> pathParameters, String region, Map<String, Object> authorizer) {
        Integration integration = method.integration();
        String template = RequestMapping.template(integration, request);
        if (template == null) {
            return CompletableFuture.completedFuture(GatewayResponses.unsupportedMediaType());
        }
        MappingRequest scope = RequestMapping.scope(request, route, pathParameters, stage, accountId, resourceId,
                authorizer);
        try {
            String payload = RequestMapping.text(request.body());
            String body = template.isEmpty() ? payload : templates.render(template, payload, scope);
            Map<String, String> headers = RequestMapping.headers(integration, request, pathParameters);
            ResponseMapping.Backend backend = integration.type().equals("MOCK") ? mock(body)
                    : sqs(integration, route, body, headers, region);
            return CompletableFuture.completedFuture(respond(integration, backend, request, scope));
        } catch (TemplateException e) {
            return CompletableFuture.completedFuture(GatewayResponses.configurationError());
        }
    }

    /** A mock answers the status its request template names ({@code {"statusCode": 200}}), with no body. */
    private static ResponseMapping.Backend mock(String body) {
        JsonNode status = parse(body).path("statusCode");
        return new ResponseMapping.Backend(status.canConvertToInt() ? status.asInt() : 200, Map.of(), "");
    }

    /**
     * SQS through the AWS integration: a form-encoded integration request (the
     * {@code Action=SendMessage&MessageBody=...} template with {@code Content-Type} mapped to
     * {@code 'application/x-www-form-urlencoded'}) is read as SQS's Query API; any other body is the message.
     */
    private ResponseMapping.Backend sqs(Integration integration, ApiRoute route, String body,
            Map<String, String> headers, String region) {
        String contentType = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (contentType == null || !RequestMapping.mediaType(contentType).equals(FORM)) {
            if (route.target() == null) {
                return refused("MissingParameter", "The request must contain the parameter QueueUrl.");
            }
            return integrations.sendMessage(ResourceRef.fromArn(route.target()), body);
        }
        Map<String, String> form = form(body);
        String action = form.getOrDefault("Action", integration.uri().endsWith(":sqs:action/SendMessage")
                ? "SendMessage" : null);
        if (!"SendMessage".equals(action)) {
            return refused("InvalidAction", "SimStack's SQS integration takes Action=SendMessage; got " + action);
        }
        ResourceRef queue = route.target() != null ? ResourceRef.fromArn(route.target())
                : queueOfUrl(form.get("QueueUrl"), region);
        if (queue == null) {
            return refused("MissingParameter", "The request must contain the parameter QueueUrl.");
        }
        String message = form.get("MessageBody");
        return integrations.sendMessage(queue, message == null ? "" : message);
    }

    private ResponseMapping.Backend refused(String code, String message) {
        return Integrations.sqsError(new AwsException(code, 400, message), "", Map.of("Content-Type",
                "application/json"));
    }

    private ObjectNode respond(Integration integration, ResponseMapping.Backend backend, ApiRequest request,
            MappingRequest scope) {
        IntegrationResponse response = ResponseMapping.select(integration, backend);
        if (response == null) {
            return GatewayResponses.configurationError();
        }
        Map.Entry<String, String> template = ResponseMapping.template(response, request.header("Accept"));
        String contentType = template != null ? template.getKey()
                : backend.headers().getOrDefault("Content-Type", "application/json");
        String body = template == null || template.getValue().isEmpty() ? backend.body()
                : templates.render(template.getValue(), backend.body(), scope);
        return RestMessage.answer(Integer.parseInt(response.statusCode()), contentType,
                ResponseMapping.headers(response, backend), body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            form.put(decode(name), decode(value));
        }
        return form;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // SQS would refuse it; keeping the text shows the caller what the template produced
        }
    }

    /** The queue of a queue URL ({@code http://host/ACCOUNT/NAME}), or null. */
    static ResourceRef queueOfUrl(String url, String region) {
        if (url == null) {
            return null;
        }
        try {
            String[] path = URI.create(url).getPath().split("/");
            return path.length == 3 ? ResourceRef.queue(region, path[1], path[2]) : null;
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }

    private static JsonNode parse(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body.isBlank() ? "{}" : body);
        } catch (java.io.IOException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }
}
