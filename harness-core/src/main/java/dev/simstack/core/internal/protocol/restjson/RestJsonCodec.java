package dev.simstack.core.internal.protocol.restjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.protocol.Errors;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import dev.simstack.core.internal.protocol.ErrorBodyMembers;
import dev.simstack.core.internal.protocol.HttpAnswer;
import dev.simstack.core.internal.protocol.HttpExchange;
import dev.simstack.core.internal.protocol.ProtocolCodec;
import dev.simstack.core.internal.protocol.json.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * REST-JSON (Lambda, API Gateway's management API): the operation is told by method and URI template,
 * path and query parameters and the JSON body make the input. Errors carry their code in the
 * {@code x-amzn-ErrorType} header, which the SDK reads first, and {@code {"Type", "message"}} in the body.
 * Operations with a raw body (Invoke) and answers that are whole HTTP responses go through
 * {@link RestMessage}.
 */
public final class RestJsonCodec implements ProtocolCodec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, RestJsonRoutes> routesByService;
    private final JsonTrees json = new JsonTrees();

    /** A codec for the services named (by signing name) in {@code routesByService}. */
    public RestJsonCodec(Map<String, RestJsonRoutes> routesByService) {
        this.routesByService = Map.copyOf(routesByService);
    }

    @Override
    public String name() {
        return "rest-json";
    }

    @Override
    public Decoded decode(HttpExchange exchange, ServiceDescriptor service) {
        RestJsonRoutes routes = routesByService.get(service.signingName());
        RestJsonRoutes.Match match = routes == null ? null : routes.match(exchange.method(), exchange.path(),
                exchange.query());
        if (match == null) {
            throw new AwsException("UnknownOperationException", 404, "No " + service.signingName()
                    + " operation answers " + exchange.method() + " " + exchange.path() + ".");
        }
        byte[] body = body(exchange);
        ObjectNode input = NODES.objectNode();
        if (!match.route().rawBody() && body.length > 0) {
            input.setAll(jsonObject(body));
        }
        ObjectNode query = input.putObject(RestMessage.QUERY);
        exchange.query().forEach((name, values) -> {
            ArrayNode array = query.putArray(name);
            values.forEach(array::add);
            if (!values.isEmpty() && !input.has(name)) {
                input.put(name, values.get(0));
            }
        });
        match.pathParameters().forEach(input::put);
        ObjectNode headers = input.putObject(RestMessage.HEADERS);
        for (String name : exchange.headers().names()) {
            ArrayNode array = headers.putArray(name);
            exchange.headers().getAll(name).forEach(array::add);
        }
        input.put(RestMessage.METHOD, exchange.method());
        input.put(RestMessage.PATH, exchange.path());
        if (match.route().rawBody()) {
            input.put(RestMessage.BODY, Base64.getEncoder().encodeToString(body));
        }
        return new Decoded(match.route().operation(), input);
    }

    private ObjectNode jsonObject(byte[] body) {
        JsonNode node;
        try {
            node = json.read(body);
        } catch (IOException e) {
            throw Errors.serialization("The request body is not valid JSON.");
        }
        if (node == null) {
            return NODES.objectNode();
        }
        if (!node.isObject()) {
            throw Errors.serialization("The request body must be a JSON object.");
        }
        return (ObjectNode) node;
    }

    private static byte[] body(HttpExchange exchange) {
        if (exchange.spooled() == null) {
            return exchange.body();
        }
        try (InputStream in = exchange.spooled().open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AwsException("ServiceException", 500, "SimStack could not read the request body: " + e);
        }
    }

    @Override
    public HttpAnswer success(ServiceDescriptor service, String operation, String requestId, JsonNode output) {
        if (RestMessage.isAnswer(output)) {
            Map<String, String> headers = RestMessage.headers(output);
            headers.putIfAbsent("x-amzn-RequestId", requestId);
            return new HttpAnswer(RestMessage.status(output), RestMessage.contentType(output), headers,
                    RestMessage.body(output));
        }
        RestJsonRoute route = routesByService.get(service.signingName()).byOperation(operation);
        int status = route == null ? 200 : route.successStatus();
        byte[] body = status == 204 || output == null ? new byte[0] : json.write(output);
        return new HttpAnswer(status, "application/json", Map.of("x-amzn-RequestId", requestId), body);
    }

    @Override
    public HttpAnswer error(ServiceDescriptor service, String operation, String requestId, AwsException error) {
        ObjectNode body = NODES.objectNode();
        body.put("Type", error.senderFault() ? "User" : "Service");
        body.put("message", error.getMessage());
        if (error instanceof ErrorBodyMembers members) {
            body.setAll(members.errorMembers());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amzn-RequestId", requestId);
        headers.put("x-amzn-ErrorType", error.code());
        return new HttpAnswer(error.status(), "application/json", headers, json.write(body));
    }
}
