package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.protocol.json.JsonTrees;
import dev.simstack.core.internal.protocol.restjson.RestMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a Lambda proxy response into the HTTP answer: {@code statusCode}, {@code headers},
 * {@code multiValueHeaders}, {@code body}, {@code isBase64Encoded}. A REST API refuses anything else as
 * a malformed proxy response (502); an HTTP API (format 2.0) also takes any other JSON as a 200
 * {@code application/json} body, a string as the body itself.
 */
final class ProxyResponses {

    private ProxyResponses() {
    }

    /** The answer, or null for a malformed response. */
    static ObjectNode map(byte[] payload, boolean v2) {
        JsonNode response;
        try {
            response = new JsonTrees().read(payload);
        } catch (IOException e) {
            return null;
        }
        if (response == null) {
            return v2 ? RestMessage.answer(200, "application/json", Map.of(), new byte[0]) : null;
        }
        if (!response.isObject() || !response.has("statusCode")) {
            if (!v2) {
                return null;
            }
            byte[] body = response.isTextual() ? response.textValue().getBytes(StandardCharsets.UTF_8) : payload;
            return RestMessage.answer(200, "application/json", Map.of(), body);
        }
        JsonNode status = response.get("statusCode");
        if (!status.canConvertToInt() || status.asInt() < 100 || status.asInt() > 599) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (!headerValues(response.get("headers"), headers, false)
                || !headerValues(response.get("multiValueHeaders"), headers, true)) {
            return null;
        }
        if (v2 && response.path("cookies").isArray() && !response.path("cookies").isEmpty()) {
            StringBuilder cookies = new StringBuilder();
            response.path("cookies").forEach(c -> cookies.append(cookies.length() == 0 ? "" : ", ").append(c.asText()));
            headers.put("Set-Cookie", cookies.toString());
        }
        JsonNode body = response.get("body");
        if (body != null && !body.isNull() && !body.isTextual()) {
            return null;
        }
        byte[] bytes = body == null || body.isNull() ? new byte[0] : body.textValue().getBytes(StandardCharsets.UTF_8);
        if (response.path("isBase64Encoded").asBoolean(false) && bytes.length > 0) {
            try {
                bytes = Base64.getDecoder().decode(body.textValue());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        String contentType = headers.remove(contentTypeKey(headers));
        return RestMessage.answer(status.asInt(), contentType != null ? contentType : "application/json", headers,
                bytes);
    }

    private static boolean headerValues(JsonNode node, Map<String, String> into, boolean multi) {
        if (node == null || node.isNull()) {
            return true;
        }
        if (!node.isObject()) {
            return false;
        }
        var fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (multi) {
                if (!field.getValue().isArray()) {
                    return false;
                }
                StringBuilder joined = new StringBuilder();
                field.getValue().forEach(v -> joined.append(joined.length() == 0 ? "" : ", ").append(v.asText()));
                into.put(field.getKey(), joined.toString());
            } else {
                if (field.getValue().isContainerNode()) {
                    return false;
                }
                into.put(field.getKey(), field.getValue().asText());
            }
        }
        return true;
    }

    private static String contentTypeKey(Map<String, String> headers) {
        for (String name : headers.keySet()) {
            if (name.equalsIgnoreCase("Content-Type")) {
                return name;
            }
        }
        return "Content-Type";
    }
}
