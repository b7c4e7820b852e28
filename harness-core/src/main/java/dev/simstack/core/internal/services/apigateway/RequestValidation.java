package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.protocol.restjson.RestMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A method's request validator at invocation: with {@code validateRequestParameters}, every
 * {@code method.request.header|querystring|path.NAME} the method marks required must be present, else
 * 400 {@code Missing required request parameters: [a, b]}; then, with {@code validateRequestBody}, the body must
 * conform to the model the method names for the request's content type (media type, {@code application/json} when
 * absent; else the {@code $default} model), else 400 {@code Invalid request body}. A method without a model for
 * the content type is not validated.
 */
final class RequestValidation {

    private RequestValidation() {
    }

    /** The 400 answer when the request fails the method's validator; null when it passes or there is none. */
    static ObjectNode check(RestApi api, Method method, ApiRequest request, Map<String, String> pathParameters) {
        RestApi.RequestValidator validator = method.requestValidatorId() == null ? null
                : api.requestValidators().get(method.requestValidatorId());
        if (validator == null) {
            return null;
        }
        if (validator.validateRequestParameters()) {
            ObjectNode refused = checkParameters(method, request, pathParameters);
            if (refused != null) {
                return refused;
            }
        }
        return validator.validateRequestBody() ? checkBody(api, method, request) : null;
    }

    private static ObjectNode checkBody(RestApi api, Method method, ApiRequest request) {
        String type = request.header("Content-Type");
        String mediaType = type == null ? "application/json" : type.split(";", 2)[0].trim().toLowerCase();
        String name = method.requestModels().getOrDefault(mediaType, method.requestModels().get("$default"));
        Model model = name == null ? null : api.models().get(name);
        if (model == null || model.schema() == null
                || ModelSchemas.conforms(model, api.models(), api.id(), request.body())) {
            return null;
        }
        return RestMessage.answer(400, "application/json", Map.of("x-amzn-ErrorType", "BadRequestException"),
                "{\"message\": \"Invalid request body\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode checkParameters(Method method, ApiRequest request, Map<String, String> pathParameters) {
        List<String> missing = new ArrayList<>();
        method.requestParameters().entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).sorted()
                .forEach(parameter -> {
                    String name = parameter.substring(parameter.lastIndexOf('.') + 1);
                    if (!present(parameter, name, request, pathParameters)) {
                        missing.add(name);
                    }
                });
        if (missing.isEmpty()) {
            return null;
        }
        String body = "{\"message\": \"Missing required request parameters: [" + String.join(", ", missing) + "]\"}";
        return RestMessage.answer(400, "application/json", Map.of("x-amzn-ErrorType", "BadRequestException"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean present(String parameter, String name, ApiRequest request,
            Map<String, String> pathParameters) {
        if (parameter.startsWith("method.request.header.")) {
            return request.header(name) != null;
        }
        if (parameter.startsWith("method.request.querystring.")) {
            return request.query().containsKey(name);
        }
        if (parameter.startsWith("method.request.path.")) {
            return pathParameters.containsKey(name);
        }
        return true;
    }
}
