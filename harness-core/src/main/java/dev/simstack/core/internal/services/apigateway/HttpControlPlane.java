package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the HTTP API control plane's action families share: finding an API and its parts with AWS's errors,
 * and, after every change, the stages' automatic deployments and the routes, stages and throttles that
 * invocations read. Changes take effect at once (AWS serves a stage's deployment).
 */
final class HttpControlPlane {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String SQS_SEND_MESSAGE = "SQS-SendMessage";

    private final ApiRegions regions;

    HttpControlPlane(ApiRegions regions) {
        this.regions = regions;
    }

    ApiRegions regions() {
        return regions;
    }

    String accountId() {
        return regions.context().accountId();
    }

    String newId() {
        return regions.newId();
    }

    /** Now on the stack's clock, as apigatewayv2 writes dates (ISO 8601, whole seconds). */
    String now() {
        return Instant.ofEpochMilli(regions.context().clock().millis()).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static AwsException notFound(String what) {
        return ControlPlane.notFound("Invalid " + what + " identifier specified");
    }

    /**
     * The HTTP API named by the call's {@code apiId}, with its definition: an API declared through the stack API
     * gets one, from its routes, the first time the control plane reads it.
     */
    RestApi api(DecodedCall call, Input input) {
        String id = input.node().path("apiId").asText();
        RestApi api = regions.region(call.region()).apis().get(id);
        if (api == null || !api.http()) {
            throw ControlPlane.notFound("Invalid API identifier specified " + call.accountId() + ":" + id);
        }
        definition(api, call.region());
        return api;
    }

    HttpApiDefinition definition(RestApi api, String region) {
        synchronized (api) {
            if (api.httpDefinition() == null) {
                HttpApiDefinition definition = DeclaredHttpApis.define(api, region, this);
                api.httpDefinition(definition);
                synchronized (definition) {
                    publish(api, definition, region);
                }
            }
            return api.httpDefinition();
        }
    }

    /** The part {@code id} of {@code parts}, or 404 {@code Invalid WHAT identifier specified}. */
    static ObjectNode part(Map<String, ObjectNode> parts, String id, String what) {
        ObjectNode part = parts.get(id);
        if (part == null) {
            throw notFound(what);
        }
        return part;
    }

    /** The parts of {@code definition} that {@code parts} picks, as a Get* list answers them. */
    static ObjectNode items(HttpApiDefinition definition,
            java.util.function.Function<HttpApiDefinition, Map<String, ObjectNode>> parts) {
        ObjectNode output = NODES.objectNode();
        synchronized (definition) {
            HttpApiDefinition.copies(parts.apply(definition)).forEach(output.putArray("items")::add);
        }
        return output;
    }

    /** {@code current} with the members of {@code input} named in {@code members} (an Update's merge). */
    static ObjectNode merge(ObjectNode current, JsonNode input, Set<String> members) {
        ObjectNode next = current.deepCopy();
        for (String member : members) {
            JsonNode value = input.get(member);
            if (value != null && !value.isNull()) {
                next.set(member, value.deepCopy());
            }
        }
        return next;
    }

    /** After a change to routes or integrations: stages that deploy automatically get a new deployment. */
    void changed(RestApi api, HttpApiDefinition definition, String region) {
        for (ObjectNode stage : definition.stages().values()) {
            if (stage.path("autoDeploy").asBoolean(false)) {
                deploy(definition, stage, null, true);
            }
        }
        publish(api, definition, region);
    }

    /** A new deployment, set on {@code stage} when there is one. */
    ObjectNode deploy(HttpApiDefinition definition, ObjectNode stage, String description, boolean automatic) {
        ObjectNode deployment = NODES.objectNode();
        String id = newId();
        deployment.put("deploymentId", id);
        deployment.put("deploymentStatus", "DEPLOYED");
        deployment.put("createdDate", now());
        deployment.put("autoDeployed", automatic);
        if (description != null) {
            deployment.put("description", description);
        }
        definition.deployments().put(id, deployment);
        if (stage != null) {
            stage.put("deploymentId", id);
            stage.put("lastUpdatedDate", now());
            stage.put("lastDeploymentStatusMessage", "Successfully deployed stage with deployment ID '" + id + "'");
        }
        return deployment;
    }

    /** Derives the routes, stages and throttles invocations read from the definition (under its lock). */
    void publish(RestApi api, HttpApiDefinition definition, String region) {
        Map<String, ObjectNode> byRouteKey = new LinkedHashMap<>();
        List<ApiRoute> routes = new ArrayList<>();
        for (ObjectNode route : definition.routes().values()) {
            String target = route.path("target").asText("");
            ObjectNode integration = target.startsWith("integrations/")
                    ? definition.integrations().get(target.substring("integrations/".length())) : null;
            if (integration != null) {
                String key = route.path("routeKey").asText();
                byRouteKey.put(key, integration);
                routes.add(apiRoute(key, integration, region));
            }
        }
        api.replaceRoutes(routes);
        Map<String, Map<String, TokenBucket>> throttles = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (ObjectNode stage : definition.stages().values()) {
            String name = stage.path("stageName").asText();
            names.add(name);
            RestApi.Stage served = api.stage(name);
            TokenBucket stageThrottle = bucket(served == null ? null : served.throttle(),
                    stage.path("defaultRouteSettings"));
            api.putStage(new RestApi.Stage(name, stage.path("deploymentId").asText(null), stageThrottle,
                    served == null ? regions.context().clock().millis() : served.createdAt(),
                    stage.path("description").asText(null), strings(stage.path("stageVariables"))));
            Map<String, TokenBucket> perRoute = new HashMap<>();
            stage.path("routeSettings").fields().forEachRemaining(setting -> {
                TokenBucket bucket = bucket(definition.routeThrottle(name, setting.getKey()), setting.getValue());
                if (bucket != null) {
                    perRoute.put(setting.getKey(), bucket);
                }
            });
            throttles.put(name, perRoute);
        }
        api.stages().keySet().removeIf(name -> !names.contains(name));
        definition.publish(byRouteKey, throttles);
    }

    /**
     * The token bucket of throttling settings: the one there is when its limits did not change (it keeps its
     * tokens), else a new one; null without limits. A limit left out is the account's.
     */
    private TokenBucket bucket(TokenBucket existing, JsonNode settings) {
        JsonNode rate = settings.get("throttlingRateLimit");
        JsonNode burst = settings.get("throttlingBurstLimit");
        if (rate == null && burst == null) {
            return null;
        }
        double r = rate == null ? ApiRegion.ACCOUNT_RATE : rate.asDouble();
        int b = burst == null ? ApiRegion.ACCOUNT_BURST : burst.asInt();
        return existing != null && existing.rate() == r && existing.burst() == b ? existing
                : new TokenBucket(r, b, regions.context().clock());
    }

    private static ApiRoute apiRoute(String routeKey, ObjectNode integration, String region) {
        int space = routeKey.indexOf(' ');
        String method = space < 0 ? null : routeKey.substring(0, space);
        String path = space < 0 ? null : routeKey.substring(space + 1);
        if (SQS_SEND_MESSAGE.equals(integration.path("integrationSubtype").asText())) {
            ResourceRef queue = NonProxyIntegration.queueOfUrl(
                    integration.path("requestParameters").path("QueueUrl").asText(null), region);
            return new ApiRoute(method, path, "sqs", queue == null ? null : queue.arn(), false, null);
        }
        return new ApiRoute(method, path, "lambda", functionArn(integration.path("integrationUri").asText(null),
                region), false, null);
    }

    /** The function of a Lambda integration's URI: a function ARN or an API Gateway invocation URI. */
    static String functionArn(String uri, String region) {
        if (uri == null) {
            return null;
        }
        String arn = uri.startsWith("arn:aws:apigateway:") ? ControlPlane.target("AWS_PROXY", uri, region) : uri;
        try {
            return arn == null ? null : ResourceRef.fromArn(arn).arn();
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    static Map<String, String> strings(JsonNode map) {
        Map<String, String> strings = new LinkedHashMap<>();
        map.fields().forEachRemaining(entry -> strings.put(entry.getKey(), entry.getValue().asText()));
        return strings;
    }
}
