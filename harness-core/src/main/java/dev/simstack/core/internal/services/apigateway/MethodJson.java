package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Methods, integrations and their responses in API Gateway's JSON shapes, both ways: the control plane
 * answers these shapes, reads its Put requests and patched documents from them, and a data directory
 * stores them. Readers take text for booleans and numbers too, as patch operations carry every value as a string.
 */
final class MethodJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MethodJson() {
    }

    static ObjectNode method(Method method) {
        ObjectNode json = NODES.objectNode();
        json.put("httpMethod", method.httpMethod());
        json.put("authorizationType", method.authorizationType());
        json.put("apiKeyRequired", method.apiKeyRequired());
        putText(json, "requestValidatorId", method.requestValidatorId());
        putText(json, "operationName", method.operationName());
        putText(json, "authorizerId", method.authorizerId());
        putMap(json, "requestParameters", method.requestParameters(), (o, k, v) -> o.put(k, v));
        putMap(json, "requestModels", method.requestModels(), ObjectNode::put);
        putMap(json, "methodResponses", method.methodResponses(), (o, k, v) -> o.set(k, methodResponse(v)));
        if (method.integration() != null) {
            json.set("methodIntegration", integration(method.integration()));
        }
        return json;
    }

    static Method method(JsonNode json) {
        Map<String, MethodResponse> responses = new LinkedHashMap<>();
        json.path("methodResponses").fields().forEachRemaining(e -> responses.put(e.getKey(),
                methodResponse(e.getValue(), e.getKey())));
        JsonNode integration = json.path("methodIntegration");
        return new Method(json.path("httpMethod").asText(), text(json, "authorizationType"),
                json.path("apiKeyRequired").asBoolean(), text(json, "requestValidatorId"), text(json, "operationName"),
                map(json.path("requestParameters"), JsonNode::asBoolean), map(json.path("requestModels"), JsonNode::asText),
                responses, integration.isObject() ? integration(integration) : null, text(json, "authorizerId"));
    }

    static ObjectNode methodResponse(MethodResponse response) {
        ObjectNode json = NODES.objectNode();
        json.put("statusCode", response.statusCode());
        putMap(json, "responseParameters", response.responseParameters(), (o, k, v) -> o.put(k, v));
        putMap(json, "responseModels", response.responseModels(), ObjectNode::put);
        return json;
    }

    static MethodResponse methodResponse(JsonNode json, String statusCode) {
        return new MethodResponse(statusCode, map(json.path("responseParameters"), JsonNode::asBoolean),
                map(json.path("responseModels"), JsonNode::asText));
    }

    static ObjectNode integration(Integration integration) {
        ObjectNode json = NODES.objectNode();
        json.put("type", integration.type());
        putText(json, "httpMethod", integration.httpMethod());
        putText(json, "uri", integration.uri());
        putMap(json, "requestParameters", integration.requestParameters(), ObjectNode::put);
        putMap(json, "requestTemplates", integration.requestTemplates(), ObjectNode::put);
        json.put("passthroughBehavior", integration.passthroughBehavior());
        putText(json, "contentHandling", integration.contentHandling());
        json.put("timeoutInMillis", integration.timeoutInMillis());
        putText(json, "cacheNamespace", integration.cacheNamespace());
        integration.cacheKeyParameters().forEach(json.putArray("cacheKeyParameters")::add);
        putMap(json, "integrationResponses", integration.integrationResponses(),
                (o, k, v) -> o.set(k, integrationResponse(v)));
        return json;
    }

    static Integration integration(JsonNode json) {
        Map<String, IntegrationResponse> responses = new LinkedHashMap<>();
        json.path("integrationResponses").fields().forEachRemaining(e -> responses.put(e.getKey(),
                integrationResponse(e.getValue(), e.getKey())));
        List<String> cacheKeys = new ArrayList<>();
        json.path("cacheKeyParameters").forEach(k -> cacheKeys.add(k.asText()));
        String passthrough = text(json, "passthroughBehavior");
        return new Integration(json.path("type").asText(), text(json, "httpMethod"), text(json, "uri"),
                map(json.path("requestParameters"), JsonNode::asText), map(json.path("requestTemplates"), JsonNode::asText),
                passthrough == null ? "WHEN_NO_MATCH" : passthrough, text(json, "contentHandling"),
                json.path("timeoutInMillis").asInt(29_000), text(json, "cacheNamespace"), cacheKeys, responses);
    }

    static ObjectNode integrationResponse(IntegrationResponse response) {
        ObjectNode json = NODES.objectNode();
        json.put("statusCode", response.statusCode());
        putText(json, "selectionPattern", response.selectionPattern());
        putMap(json, "responseParameters", response.responseParameters(), ObjectNode::put);
        putMap(json, "responseTemplates", response.responseTemplates(), ObjectNode::put);
        putText(json, "contentHandling", response.contentHandling());
        return json;
    }

    static IntegrationResponse integrationResponse(JsonNode json, String statusCode) {
        return new IntegrationResponse(statusCode, text(json, "selectionPattern"),
                map(json.path("responseParameters"), JsonNode::asText),
                map(json.path("responseTemplates"), JsonNode::asText), text(json, "contentHandling"));
    }

    private static <V> Map<String, V> map(JsonNode json, Function<JsonNode, V> value) {
        Map<String, V> map = new LinkedHashMap<>();
        // A template or parameter set to null (the CLI's "key=" or JSON null) is stored as an empty string,
        // which AWS answers back as null: both mean "no template body".
        json.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().isNull()
                ? value.apply(NODES.textNode("")) : value.apply(e.getValue())));
        return map;
    }

    private interface Putter<V> {
        void put(ObjectNode json, String key, V value);
    }

    private static <V> void putMap(ObjectNode json, String name, Map<String, V> map, Putter<V> putter) {
        if (!map.isEmpty()) {
            ObjectNode object = json.putObject(name);
            new TreeMap<>(map).forEach((k, v) -> putter.put(object, k, v));
        }
    }

    private static void putText(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    private static String text(JsonNode json, String name) {
        JsonNode value = json.path(name);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
