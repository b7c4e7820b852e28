package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP API's parameter mapping ("Transforming API requests and responses"): an integration's request
 * parameter is a static value, one of {@code $request.header.NAME}, {@code $request.querystring.NAME},
 * {@code $request.path.NAME}, {@code $request.body}, {@code $request.body.a.b} (a member of a JSON body),
 * {@code $context.NAME} and {@code $stageVariables.NAME}, or text with such expressions as
 * {@code ${request.header.NAME}}. A header or query parameter sent several times maps to its values joined by
 * commas; what the request does not have maps to the empty string.
 */
final class HttpParameterMapping {

    private static final Pattern EMBEDDED = Pattern.compile("\\$\\{([^}]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiRequest request;
    private final ApiRoute route;
    private final Map<String, String> pathParameters;
    private final RestApi.Stage stage;
    private final String accountId;

    HttpParameterMapping(ApiRequest request, ApiRoute route, Map<String, String> pathParameters, RestApi.Stage stage,
            String accountId) {
        this.request = request;
        this.route = route;
        this.pathParameters = pathParameters;
        this.stage = stage;
        this.accountId = accountId;
    }

    /** The value {@code mapping} gives for this request. */
    String value(String mapping) {
        if (mapping.contains("${")) {
            Matcher matcher = EMBEDDED.matcher(mapping);
            StringBuilder text = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(text, Matcher.quoteReplacement(expression(matcher.group(1))));
            }
            return matcher.appendTail(text).toString();
        }
        return mapping.startsWith("$") ? expression(mapping.substring(1)) : mapping;
    }

    /** An expression without its {@code $}: {@code request.body}, {@code context.requestId}, ... */
    private String expression(String expression) {
        String[] parts = expression.split("\\.", 3);
        String source = parts[0];
        if (source.equals("stageVariables") && parts.length > 1) {
            return stage.variables().getOrDefault(expression.substring("stageVariables.".length()), "");
        }
        if (source.equals("context") && parts.length > 1) {
            return context(expression.substring("context.".length()));
        }
        if (!source.equals("request") || parts.length < 2) {
            return "$" + expression; // not an expression: the text itself, as a static value
        }
        String name = parts.length > 2 ? parts[2] : null;
        return switch (parts[1]) {
            case "body" -> name == null ? body() : member(name);
            case "header" -> name == null ? "" : joined(header(name));
            case "querystring" -> name == null ? "" : joined(request.query().get(name));
            case "path" -> name == null ? "" : pathParameters.getOrDefault(name, "");
            default -> "$" + expression;
        };
    }

    private String context(String name) {
        return switch (name) {
            case "requestId" -> request.requestId();
            case "apiId" -> request.apiId();
            case "stage" -> request.stage();
            case "routeKey" -> route.routeKey();
            case "httpMethod" -> request.method();
            case "path" -> request.path();
            case "accountId" -> accountId;
            case "requestTimeEpoch" -> Long.toString(request.arrival().toEpochMilli());
            case "requestTime" -> ProxyEvents.requestTime(request.arrival());
            case "identity.sourceIp" -> "127.0.0.1";
            case "identity.userAgent" -> nonNull(request.header("User-Agent"));
            default -> "";
        };
    }

    private String body() {
        return new String(request.body(), StandardCharsets.UTF_8);
    }

    /** A member of a JSON body by its dotted path; text as it is, anything else as JSON. */
    private String member(String path) {
        JsonNode node;
        try {
            node = JSON.readTree(request.body());
        } catch (IOException notJson) {
            return "";
        }
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        return node.isTextual() ? node.textValue() : node.toString();
    }

    private List<String> header(String name) {
        for (Map.Entry<String, List<String>> entry : request.headers().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String joined(List<String> values) {
        return values == null ? "" : String.join(",", values);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
