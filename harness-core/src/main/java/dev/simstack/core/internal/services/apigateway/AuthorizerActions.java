package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * CreateAuthorizer, GetAuthorizer(s), UpdateAuthorizer, DeleteAuthorizer, TestInvokeAuthorizer and
 * FlushStageAuthorizersCache. An authorizer takes effect at once on the methods that name it; a change or a
 * deletion forgets its cached results.
 */
final class AuthorizerActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> PATCHABLE = Set.of("name", "type", "authorizerUri", "authorizerCredentials",
            "identitySource", "identityValidationExpression", "authorizerResultTtlInSeconds", "authType");
    private static final List<String> TYPES = List.of("COGNITO_USER_POOLS", "REQUEST", "TOKEN");

    private final ControlPlane plane;
    private final LambdaAuthorizers authorizers;

    AuthorizerActions(ControlPlane plane, LambdaAuthorizers authorizers) {
        this.plane = plane;
        this.authorizers = authorizers;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put("CreateAuthorizer", this::create);
        operations.put("GetAuthorizer", (call, input) -> authorizer(plane.api(call, input), input).json());
        operations.put("GetAuthorizers", this::list);
        operations.put("UpdateAuthorizer", this::update);
        operations.put("DeleteAuthorizer", this::delete);
        operations.put("FlushStageAuthorizersCache", this::flush);
    }

    private JsonNode create(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        Authorizer authorizer = checked(Authorizer.from(plane.regions().newId(), input.node()));
        api.authorizers().put(authorizer.id(), authorizer);
        return authorizer.json();
    }

    private JsonNode list(DecodedCall call, Input input) {
        ObjectNode output = NODES.objectNode();
        ArrayNode items = output.putArray("item");
        plane.api(call, input).authorizers().values().stream().sorted(Comparator.comparing(Authorizer::id))
                .forEach(authorizer -> items.add(authorizer.json()));
        return output;
    }

    private JsonNode update(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        Authorizer authorizer = authorizer(api, input);
        ObjectNode patched = PatchOperations.apply(authorizer.json(), input.node().path("patchOperations"), PATCHABLE);
        Authorizer updated = checked(Authorizer.from(authorizer.id(), patched));
        api.authorizers().put(updated.id(), updated);
        api.authorizerCache().flushAuthorizer(updated.id());
        return updated.json();
    }

    private JsonNode delete(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        Authorizer authorizer = authorizer(api, input);
        List<String> users = api.resources().all().stream().flatMap(resource -> resource.methods().values().stream()
                .filter(method -> authorizer.id().equals(method.authorizerId()))
                .map(method -> method.httpMethod() + " " + resource.path())).sorted().toList();
        if (!users.isEmpty()) {
            throw ControlPlane.conflict("Cannot delete authorizer '" + authorizer.name() + "': methods " + users
                    + " use it (set their authorizationType to NONE first)");
        }
        api.authorizers().remove(authorizer.id());
        api.authorizerCache().flushAuthorizer(authorizer.id());
        return NODES.objectNode();
    }

    private JsonNode flush(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        String stage = input.requiredString("stage_name");
        if (api.stage(stage) == null) {
            throw ControlPlane.notFound("Invalid stage identifier specified");
        }
        api.authorizerCache().flushStage(stage);
        return NODES.objectNode();
    }

    /**
     * TestInvokeAuthorizer: the function is called with the given headers, query string and stage variables
     * (no cache); {@code clientStatus} is 200 with its principal and policy, or the status a request would get.
     */
    CompletableFuture<JsonNode> testInvoke(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        Authorizer authorizer = authorizer(api, input);
        AuthorizerRequest request = testRequest(api, input, call);
        return authorizers.test(api, authorizer, request).thenApply(verdict -> {
            ObjectNode output = NODES.objectNode();
            output.put("clientStatus", verdict.refusal() == null ? 200 : GatewayResponses.status(verdict.refusal()));
            output.put("latency", 0);
            output.put("log", "");
            if (verdict.result() != null) {
                output.put("principalId", verdict.result().principalId());
                output.put("policy", verdict.result().policy().document());
                ObjectNode authorization = output.putObject("authorization");
                verdict.result().context().forEach((name, value) -> authorization.putArray(name).add(value.toString()));
            }
            return output;
        });
    }

    /** The request TestInvokeAuthorizer describes: headers, path with query string, body, stage variables. */
    private static AuthorizerRequest testRequest(RestApi api, Input input, DecodedCall call) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        input.node().path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(),
                List.of(e.getValue().asText())));
        input.node().path("multiValueHeaders").fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(value -> values.add(value.asText()));
            headers.put(e.getKey(), values);
        });
        String target = input.has("pathWithQueryString") ? input.string("pathWithQueryString") : "/";
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (question >= 0) {
            for (String pair : target.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                if (!pair.isEmpty()) {
                    query.computeIfAbsent(equals < 0 ? pair : pair.substring(0, equals), k -> new ArrayList<>())
                            .add(equals < 0 ? "" : pair.substring(equals + 1));
                }
            }
        }
        Map<String, String> variables = new LinkedHashMap<>();
        input.node().path("stageVariables").fields().forEachRemaining(e -> variables.put(e.getKey(),
                e.getValue().asText()));
        String body = input.has("body") ? input.string("body") : "";
        ApiRequest request = new ApiRequest(call.requestId(), api.id(), "test-invoke-stage", "GET", path, path,
                question < 0 ? "" : target.substring(question + 1), headers, query,
                body.getBytes(StandardCharsets.UTF_8), call.arrival());
        RestApi.Stage stage = new RestApi.Stage("test-invoke-stage", null, null, call.arrival().toEpochMilli(), null,
                variables);
        return new AuthorizerRequest(request, new ApiRoute("GET", path, "lambda", null, false, null), Map.of(), stage,
                call.region(), api.resources().rootId());
    }

    private static Authorizer authorizer(RestApi api, Input input) {
        Authorizer authorizer = api.authorizers().get(input.requiredString("authorizer_id"));
        if (authorizer == null) {
            throw ControlPlane.notFound("Invalid authorizer identifier specified");
        }
        return authorizer;
    }

    /** AWS's checks of an authorizer's configuration. */
    static Authorizer checked(Authorizer authorizer) {
        if (authorizer.name() == null) {
            throw ControlPlane.badRequest("Authorizer name must be specified");
        }
        if (authorizer.type() == null || !TYPES.contains(authorizer.type())) {
            throw ControlPlane.badRequest("Invalid authorizer type specified. Must be one of " + TYPES + "; got "
                    + authorizer.type());
        }
        if (authorizer.resultTtlInSeconds() < 0 || authorizer.resultTtlInSeconds() > 3600) {
            throw ControlPlane.badRequest("Authorizer result TTL must be between 0 and 3600 seconds; got "
                    + authorizer.resultTtlInSeconds());
        }
        if (authorizer.type().equals("COGNITO_USER_POOLS")) {
            if (authorizer.providerArns().isEmpty()) {
                throw ControlPlane.badRequest("Provider ARNs are required for authorizers of type COGNITO_USER_POOLS");
            }
            return authorizer;
        }
        if (authorizer.functionArn() == null) {
            throw ControlPlane.badRequest("Invalid authorizer URI specified: " + authorizer.authorizerUri() + ". A "
                    + authorizer.type() + " authorizer needs arn:aws:apigateway:REGION:lambda:path/2015-03-31/"
                    + "functions/FUNCTION_ARN/invocations");
        }
        for (String source : authorizer.identitySources()) {
            if (!source.matches("(method\\.request\\.(header|querystring|path)|stageVariables|context)\\.[^.].*")) {
                throw ControlPlane.badRequest("Invalid identity source specified: " + source + ". Use "
                        + "method.request.header.NAME, method.request.querystring.NAME, stageVariables.NAME or "
                        + "context.NAME");
            }
        }
        if (authorizer.type().equals("TOKEN") && (authorizer.identitySources().size() != 1
                || !authorizer.identitySources().get(0).startsWith("method.request.header."))) {
            throw ControlPlane.badRequest("Invalid identity source specified for a TOKEN authorizer: "
                    + authorizer.identitySource() + ". It takes one header: method.request.header.NAME");
        }
        if (authorizer.type().equals("REQUEST") && authorizer.resultTtlInSeconds() > 0
                && authorizer.identitySources().isEmpty()) {
            throw ControlPlane.badRequest("Identity source is required when caching is enabled "
                    + "(authorizerResultTtlInSeconds > 0) for a REQUEST authorizer");
        }
        return authorizer;
    }
}
