package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.services.lambda.LambdaPort;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The authorizer of an HTTP API's route, asked before the throttles and the integration: JWT routes go to
 * {@link JwtAuthorizer}, CUSTOM routes to {@link HttpLambdaAuthorizer}; other routes pass.
 */
final class HttpAuthorizers {

    /**
     * The outcome: a refusal to answer with, or, for the integration's event, {@code requestContext.authorizer}
     * in payload format 2.0 ({@code {"jwt": {"claims", "scopes"}}} or {@code {"lambda": {...}}}); both null when
     * the route has no authorizer.
     */
    record Verdict(ObjectNode refusal, ObjectNode authorizer) {

        static final Verdict NONE = new Verdict(null, null);

        static Verdict refused(ObjectNode refusal) {
            return new Verdict(refusal, null);
        }

        static Verdict allowed(ObjectNode authorizer) {
            return new Verdict(null, authorizer);
        }

        /**
         * {@code requestContext.authorizer} of an integration's event: as it is for 2.0; for 1.0, a JWT's
         * {@code claims} and {@code scopes}, or a Lambda authorizer's context values.
         */
        ObjectNode forPayload(boolean v2) {
            if (authorizer == null || v2) {
                return authorizer;
            }
            JsonNode jwt = authorizer.get("jwt");
            return jwt != null ? (ObjectNode) jwt.deepCopy() : (ObjectNode) authorizer.path("lambda").deepCopy();
        }
    }

    private final String accountId;
    private final JwtAuthorizer jwt;
    private final HttpLambdaAuthorizer lambda;

    HttpAuthorizers(StackContext context, LambdaPort lambda) {
        this.accountId = context.accountId();
        this.jwt = new JwtAuthorizer(context.clock());
        this.lambda = new HttpLambdaAuthorizer(context, lambda);
    }

    /** The verdict of the authorizer of {@code route} (of the API's apigatewayv2 definition) on {@code request}. */
    CompletableFuture<Verdict> authorize(RestApi api, HttpApiDefinition definition, ApiRoute route,
            RestApi.Stage stage, ApiRequest request, Map<String, String> pathParameters, String region) {
        HttpApiDefinition.RouteAuthorization authorization = definition.authorization(route.routeKey());
        if (authorization.authorizer() == null) {
            return CompletableFuture.completedFuture(Verdict.NONE);
        }
        HttpAuthorizerRequest asked = new HttpAuthorizerRequest(request, route, pathParameters, stage, region,
                accountId);
        return switch (authorization.route().path("authorizationType").asText()) {
            case "JWT" -> jwt.authorize(authorization.authorizer(), authorization.route(), asked);
            case "CUSTOM" -> lambda.authorize(api, authorization.authorizer(), asked);
            default -> CompletableFuture.completedFuture(Verdict.NONE);
        };
    }
}
