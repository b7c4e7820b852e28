package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.protocol.restjson.RestMessage;
import dev.simstack.core.internal.services.apigateway.mapping.MappingRequest;
import dev.simstack.core.internal.services.apigateway.mapping.MappingTemplates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An API's customised gateway responses applied to API Gateway's own answers: the response of the answer's
 * type, else DEFAULT_4XX or DEFAULT_5XX by its status, sets the status, adds the
 * {@code gatewayresponse.header.NAME} headers and renders the body from its template with
 * {@code $context.error.message}, {@code messageString} and {@code responseType}. Answers of integrations are
 * never touched: only gateway answers carry a type.
 */
final class CustomGatewayResponses {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "gatewayresponse.header.";

    private final MappingTemplates templates;

    CustomGatewayResponses(MappingTemplates templates) {
        this.templates = templates;
    }

    /** The answer {@code api} gives in place of {@code answer}; {@code answer} itself when nothing customises it. */
    ObjectNode apply(RestApi api, ApiRequest request, ObjectNode answer) {
        JsonNode typeName = answer.remove(GatewayResponses.TYPE);
        if (api == null || typeName == null || api.gatewayResponses().isEmpty()) {
            return answer;
        }
        GatewayResponseType type = GatewayResponseType.valueOf(typeName.asText());
        int status = GatewayResponses.status(answer);
        RestApi.GatewayResponse custom = api.gatewayResponses().get(type);
        if (custom == null) {
            custom = api.gatewayResponses().get(status >= 500 ? GatewayResponseType.DEFAULT_5XX
                    : GatewayResponseType.DEFAULT_4XX);
        }
        if (custom == null) {
            return answer;
        }
        String message = message(RestMessage.body(answer));
        Map<String, Object> context = context(request, type, message);
        Map<String, String> headers = new LinkedHashMap<>();
        answer.path(RestMessage.HEADERS).fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        custom.responseParameters().forEach((target, source) -> {
            String value = source(source, request, context);
            if (target.startsWith(HEADER) && value != null) {
                headers.put(target.substring(HEADER.length()), value);
            }
        });
        Map.Entry<String, String> template = template(custom.responseTemplates());
        byte[] body = RestMessage.body(answer);
        String contentType = "application/json";
        if (template != null && !template.getValue().isEmpty()) {
            try {
                body = templates.render(template.getValue(), "", new MappingRequest(Map.of(), Map.of(), Map.of(),
                        context, Map.of())).getBytes(StandardCharsets.UTF_8);
                contentType = template.getKey();
            } catch (MappingTemplates.TemplateException e) {
                return answer; // a template that does not render leaves API Gateway's own answer
            }
        }
        int next = custom.statusCode() != null ? Integer.parseInt(custom.statusCode()) : status;
        return RestMessage.answer(next, contentType, headers, body);
    }

    /** application/json's template if there is one, else the first. */
    private static Map.Entry<String, String> template(Map<String, String> templates) {
        if (templates.containsKey("application/json")) {
            return Map.entry("application/json", templates.get("application/json"));
        }
        return templates.entrySet().stream().sorted(Map.Entry.comparingByKey()).findFirst().orElse(null);
    }

    private static Map<String, Object> context(ApiRequest request, GatewayResponseType type, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("messageString", message == null ? "null" : quoted(message));
        error.put("responseType", type.name());
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("error", error);
        context.put("requestId", request.requestId());
        context.put("extendedRequestId", request.requestId());
        context.put("apiId", request.apiId());
        context.put("stage", request.stage());
        context.put("httpMethod", request.method());
        context.put("path", "/" + request.stage() + request.rawPath());
        return context;
    }

    /** A header's source: {@code 'literal'}, {@code method.request.header|querystring.NAME} or {@code context.X}. */
    private static String source(String source, ApiRequest request, Map<String, Object> context) {
        if (source.length() >= 2 && source.startsWith("'") && source.endsWith("'")) {
            return source.substring(1, source.length() - 1);
        }
        if (source.startsWith("method.request.header.")) {
            return request.header(source.substring("method.request.header.".length()));
        }
        if (source.startsWith("method.request.querystring.")) {
            List<String> values = request.query().get(source.substring("method.request.querystring.".length()));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
        if (source.startsWith("context.")) {
            Object value = context.get(source.substring("context.".length()));
            return value == null ? null : value.toString();
        }
        return null;
    }

    /** The {@code message} of API Gateway's own body (null for an authorizer's configuration error). */
    private static String message(byte[] body) {
        try {
            JsonNode message = JSON.readTree(body).path("message");
            return message.isTextual() ? message.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
