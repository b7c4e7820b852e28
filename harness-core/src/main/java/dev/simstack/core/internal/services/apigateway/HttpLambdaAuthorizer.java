package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.services.lambda.InvocationResult;
import dev.simstack.core.internal.services.lambda.LambdaPort;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An HTTP API's Lambda ({@code REQUEST}) authorizer, as "Working with AWS Lambda authorizers for HTTP APIs"
 * describes it: a missing identity source is 401 without calling the function; the function gets the payload
 * format 1.0 or 2.0 event and answers an IAM policy (checked against the route ARN, as REST APIs' are) or, with
 * {@code enableSimpleResponses}, {@code {"isAuthorized": ..., "context": {...}}}; a refusal is 403. Answers are
 * cached by identity for {@code authorizerResultTtlInSeconds} on the stack's clock, in the API's
 * {@link AuthorizerCache}: a simple answer is cached as the allow-all or deny-all policy it amounts to.
 */
final class HttpLambdaAuthorizer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StackContext context;
    private final LambdaPort lambda;

    HttpLambdaAuthorizer(StackContext context, LambdaPort lambda) {
        this.context = context;
        this.lambda = lambda;
    }

    CompletableFuture<HttpAuthorizers.Verdict> authorize(RestApi api, ObjectNode authorizer,
            HttpAuthorizerRequest request) {
        List<String> identity = request.identity(HttpAuthorizerRequest.sources(authorizer));
        if (identity == null) {
            return done(HttpAuthorizers.Verdict.refused(GatewayResponses.unauthorized()));
        }
        String id = authorizer.path("authorizerId").asText();
        int ttl = authorizer.path("authorizerResultTtlInSeconds").asInt(0);
        String key = String.join("\u0000", identity);
        Instant now = context.clock().now();
        AuthorizerCache.Result cached = ttl > 0 ? api.authorizerCache().get(request.stage().name(), id, key, now)
                : null;
        if (cached != null) {
            return done(judge(cached, request));
        }
        boolean v2 = authorizer.path("authorizerPayloadFormatVersion").asText().equals("2.0");
        ObjectNode event = v2 ? request.event2(identity) : request.event1(identity);
        boolean simple = v2 && authorizer.path("enableSimpleResponses").asBoolean(false);
        return invoke(api, authorizer, event, request.request().requestId()).thenApply(payload -> {
            if (payload == null) {
                return HttpAuthorizers.Verdict.refused(GatewayResponses.internalServerError());
            }
            AuthorizerCache.Result result = simple ? simpleResult(payload) : LambdaAuthorizers.result(payload);
            if (result == null) { // not a verdict: HTTP APIs answer 500
                return HttpAuthorizers.Verdict.refused(GatewayResponses.internalServerError());
            }
            if (ttl > 0) {
                api.authorizerCache().put(request.stage().name(), id, key, result, now.plusSeconds(ttl));
            }
            return judge(result, request);
        });
    }

    /** The function's answer, or null when it failed, was throttled or cannot be called. */
    private CompletableFuture<JsonNode> invoke(RestApi api, ObjectNode authorizer, ObjectNode event,
            String requestId) {
        String arn = HttpControlPlane.functionArn(authorizer.path("authorizerUri").asText(null), null);
        if (arn == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<InvocationResult> invoked;
        try {
            invoked = lambda.invoke(ResourceRef.fromArn(arn), null, ProxyEvents.bytes(event),
                    "apigateway:" + api.id(), List.of(requestId));
        } catch (AwsException | IllegalArgumentException e) {
            return CompletableFuture.completedFuture(null);
        }
        return invoked.handle((outcome, failure) -> failure != null || outcome.throttled() || outcome.failed()
                ? null : parse(outcome.payload()));
    }

    /** {@code {"isAuthorized": true|false, "context": {...}}}; null when isAuthorized is not a boolean. */
    static AuthorizerCache.Result simpleResult(JsonNode payload) {
        JsonNode authorized = payload.path("isAuthorized");
        if (!authorized.isBoolean()) {
            return null;
        }
        ObjectNode document = HttpControlPlane.NODES.objectNode();
        ObjectNode statement = document.putArray("Statement").addObject();
        statement.put("Effect", authorized.booleanValue() ? "Allow" : "Deny");
        statement.put("Action", "execute-api:Invoke");
        statement.put("Resource", "*");
        Map<String, Object> values = new LinkedHashMap<>();
        payload.path("context").fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                values.put(field.getKey(), JSON.convertValue(field.getValue(), Object.class));
            }
        });
        return new AuthorizerCache.Result(null, AuthorizerPolicy.parse(document), values);
    }

    private static HttpAuthorizers.Verdict judge(AuthorizerCache.Result result, HttpAuthorizerRequest request) {
        if (result.policy().evaluate(request.routeArn()) != AuthorizerPolicy.Decision.ALLOW) {
            return HttpAuthorizers.Verdict.refused(GatewayResponses.forbidden());
        }
        ObjectNode authorizer = HttpControlPlane.NODES.objectNode();
        authorizer.set("lambda", JSON.valueToTree(result.context()));
        return HttpAuthorizers.Verdict.allowed(authorizer);
    }

    private static JsonNode parse(byte[] payload) {
        try {
            JsonNode node = payload == null ? null : JSON.readTree(payload);
            return node == null ? HttpControlPlane.NODES.objectNode() : node;
        } catch (IOException e) {
            return HttpControlPlane.NODES.objectNode();
        }
    }

    private static CompletableFuture<HttpAuthorizers.Verdict> done(HttpAuthorizers.Verdict verdict) {
        return CompletableFuture.completedFuture(verdict);
    }
}
