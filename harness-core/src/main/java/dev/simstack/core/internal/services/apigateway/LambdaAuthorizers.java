package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
 * Lambda authorizers at a method with {@code authorizationType} CUSTOM, as "Use API Gateway Lambda authorizers"
 * describes them: the identity is read from the request (no identity, or a token that fails the validation
 * expression, is 401 without calling the function), the function is invoked in-process with the TOKEN or
 * REQUEST event, and its policy is evaluated against the method ARN (403 on a deny). A function that fails with
 * the message {@code Unauthorized} is a 401; any other failure, or an answer that is not a verdict, a 500.
 * Results are cached by identity for the authorizer's TTL on the stack's clock.
 */
final class LambdaAuthorizers {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outcome: a refusal to answer with, or the authorizer's result to hand to the integration. */
    record Verdict(ObjectNode refusal, AuthorizerCache.Result result) {

        static Verdict refused(ObjectNode refusal) {
            return new Verdict(refusal, null);
        }

        /** {@code $context.authorizer} and {@code requestContext.authorizer}: principalId and the context. */
        Map<String, Object> authorizerContext() {
            Map<String, Object> context = new LinkedHashMap<>(result.context());
            context.put("principalId", result.principalId());
            return context;
        }
    }

    private final StackContext context;
    private final LambdaPort lambda;

    LambdaAuthorizers(StackContext context, LambdaPort lambda) {
        this.context = context;
        this.lambda = lambda;
    }

    /** The verdict of {@code authorizer} on {@code request}, from the cache or from its function. */
    CompletableFuture<Verdict> authorize(RestApi api, Authorizer authorizer, AuthorizerRequest request) {
        List<String> identity = request.identity(authorizer);
        if (identity == null || !validToken(authorizer, identity)) {
            return done(Verdict.refused(GatewayResponses.unauthorized()));
        }
        String methodArn = request.methodArn(context.accountId());
        String key = String.join("\u0000", identity);
        Instant now = context.clock().now();
        AuthorizerCache.Result cached = authorizer.resultTtlInSeconds() > 0
                ? api.authorizerCache().get(request.stageName(), authorizer.id(), key, now) : null;
        if (cached != null) {
            return done(judge(cached, methodArn));
        }
        ObjectNode event = event(authorizer, identity, request, methodArn);
        return invoke(api, authorizer, event, request.requestId()).thenApply(answer -> {
            if (answer.result() != null && authorizer.resultTtlInSeconds() > 0) {
                api.authorizerCache().put(request.stageName(), authorizer.id(), key, answer.result(),
                        now.plusSeconds(authorizer.resultTtlInSeconds()));
            }
            return answer.result() == null ? answer : judge(answer.result(), methodArn);
        });
    }

    /** TestInvokeAuthorizer: the identity checks and the function's answer, without the cache or a method to judge. */
    CompletableFuture<Verdict> test(RestApi api, Authorizer authorizer, AuthorizerRequest request) {
        List<String> identity = request.identity(authorizer);
        if (identity == null || !validToken(authorizer, identity)) {
            return done(Verdict.refused(GatewayResponses.unauthorized()));
        }
        String methodArn = request.methodArn(context.accountId());
        return invoke(api, authorizer, event(authorizer, identity, request, methodArn), request.requestId());
    }

    private static boolean validToken(Authorizer authorizer, List<String> identity) {
        return !authorizer.type().equals("TOKEN") || authorizer.identityValidationExpression() == null
                || identity.get(0).matches(authorizer.identityValidationExpression());
    }

    private ObjectNode event(Authorizer authorizer, List<String> identity, AuthorizerRequest request,
            String methodArn) {
        return authorizer.type().equals("TOKEN") ? tokenEvent(identity.get(0), methodArn)
                : request.requestEvent(methodArn, context.accountId());
    }

    /** The function's answer read as a result (not yet judged), or the refusal its failure means. */
    private CompletableFuture<Verdict> invoke(RestApi api, Authorizer authorizer, ObjectNode event, String requestId) {
        String arn = authorizer.functionArn();
        if (arn == null) {
            return done(Verdict.refused(GatewayResponses.authorizerConfigurationError()));
        }
        CompletableFuture<InvocationResult> invoked;
        try {
            invoked = lambda.invoke(ResourceRef.fromArn(arn), null, ProxyEvents.bytes(event),
                    "apigateway:" + api.id(), List.of(requestId));
        } catch (AwsException | IllegalArgumentException e) {
            return done(Verdict.refused(GatewayResponses.authorizerConfigurationError()));
        }
        return invoked.handle((outcome, failure) -> {
            if (failure != null || outcome.throttled()) {
                return Verdict.refused(GatewayResponses.authorizerConfigurationError());
            }
            JsonNode payload = parse(outcome.payload());
            if (outcome.failed()) {
                // The documented way for a function to refuse a token is to fail with "Unauthorized".
                return Verdict.refused("Unauthorized".equals(payload.path("errorMessage").asText(null))
                        ? GatewayResponses.unauthorized() : GatewayResponses.authorizerConfigurationError());
            }
            AuthorizerCache.Result result = result(payload);
            return result == null ? Verdict.refused(GatewayResponses.authorizerConfigurationError())
                    : new Verdict(null, result);
        });
    }

    /** Reads {@code principalId}, {@code policyDocument} and {@code context} (whose values must be scalars). */
    static AuthorizerCache.Result result(JsonNode payload) {
        JsonNode principal = payload.path("principalId");
        AuthorizerPolicy policy = AuthorizerPolicy.parse(payload.get("policyDocument"));
        if (!principal.isValueNode() || principal.isNull() || policy == null) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) payload.path("context")::fields) {
            JsonNode value = field.getValue();
            if (value.isContainerNode()) {
                return null; // AWS refuses an object or array in the context: only strings, numbers and booleans
            }
            if (!value.isNull()) {
                values.put(field.getKey(), value.isNumber() ? value.numberValue()
                        : value.isBoolean() ? (Object) value.booleanValue() : value.asText());
            }
        }
        return new AuthorizerCache.Result(principal.asText(), policy, values);
    }

    private static Verdict judge(AuthorizerCache.Result result, String methodArn) {
        return switch (result.policy().evaluate(methodArn)) {
            case ALLOW -> new Verdict(null, result);
            case EXPLICIT_DENY -> Verdict.refused(GatewayResponses.accessDenied(true));
            case IMPLICIT_DENY -> Verdict.refused(GatewayResponses.accessDenied(false));
        };
    }

    private static ObjectNode tokenEvent(String token, String methodArn) {
        ObjectNode event = NODES.objectNode();
        event.put("type", "TOKEN");
        event.put("methodArn", methodArn);
        event.put("authorizationToken", token);
        return event;
    }

    private static JsonNode parse(byte[] payload) {
        try {
            JsonNode node = payload == null ? null : JSON.readTree(payload);
            return node == null ? NODES.objectNode() : node;
        } catch (IOException e) {
            return NODES.objectNode();
        }
    }

    private static CompletableFuture<Verdict> done(Verdict verdict) {
        return CompletableFuture.completedFuture(verdict);
    }
}
