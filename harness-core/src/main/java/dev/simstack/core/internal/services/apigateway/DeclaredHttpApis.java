package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.ResourceRef;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * The apigatewayv2 definition of an HTTP API declared through the stack API ({@code ApiSpec.http}), so that
 * the control plane shows and changes it like one it built: a Lambda route is an {@code AWS_PROXY}
 * integration with payload format 2.0, an SQS route the {@code SQS-SendMessage} integration of the request's
 * body; route and stage throttles become the stage's {@code RouteSettings} and {@code DefaultRouteSettings},
 * keeping their token buckets.
 */
final class DeclaredHttpApis {

    private DeclaredHttpApis() {
    }

    static HttpApiDefinition define(RestApi api, String region, HttpControlPlane plane) {
        HttpApiDefinition definition = new HttpApiDefinition(HttpApiActions.apiJson(api.id(), api.name(),
                date(api.createdAt()), region));
        ObjectNode routeSettings = HttpControlPlane.NODES.objectNode();
        Map<String, TokenBucket> routeThrottles = new HashMap<>();
        for (ApiRoute route : api.routes()) {
            String integrationId = plane.newId();
            definition.integrations().put(integrationId, integration(integrationId, route, region));
            String routeId = plane.newId();
            ObjectNode json = HttpRouteActions.routeJson(routeId, route.routeKey());
            json.put("target", "integrations/" + integrationId);
            definition.routes().put(routeId, json);
            if (route.throttle() != null) {
                routeSettings.set(route.routeKey(), throttling(route.throttle()));
                routeThrottles.put(route.routeKey(), route.throttle());
            }
        }
        Map<String, Map<String, TokenBucket>> throttles = new HashMap<>();
        for (RestApi.Stage stage : api.stages().values()) {
            throttles.put(stage.name(), routeThrottles);
            ObjectNode json = HttpStageActions.stageJson(stage.name(), date(stage.createdAt()), true);
            if (stage.throttle() != null) {
                json.set("defaultRouteSettings", throttling(stage.throttle()));
            }
            json.set("routeSettings", routeSettings.deepCopy());
            definition.stages().put(stage.name(), json);
            plane.deploy(definition, json, null, true);
        }
        definition.publish(Map.of(), throttles); // the declared buckets carry on with their tokens
        return definition;
    }

    private static ObjectNode integration(String id, ApiRoute route, String region) {
        ObjectNode json = HttpControlPlane.NODES.objectNode();
        json.put("integrationId", id);
        json.put("integrationType", "AWS_PROXY");
        json.put("connectionType", "INTERNET");
        json.put("timeoutInMillis", 30_000);
        if (route.integrationType().equals("sqs")) {
            ResourceRef queue = ResourceRef.fromArn(route.target());
            json.put("integrationSubtype", HttpControlPlane.SQS_SEND_MESSAGE);
            json.put("payloadFormatVersion", "1.0");
            ObjectNode parameters = json.putObject("requestParameters");
            parameters.put("QueueUrl", "https://sqs." + region + ".amazonaws.com/" + queue.account() + "/"
                    + queue.name());
            parameters.put("MessageBody", "$request.body");
        } else {
            json.put("integrationMethod", "POST");
            json.put("integrationUri", route.target());
            json.put("payloadFormatVersion", "2.0");
        }
        return json;
    }

    private static ObjectNode throttling(TokenBucket bucket) {
        ObjectNode json = HttpControlPlane.NODES.objectNode();
        json.put("throttlingBurstLimit", bucket.burst());
        json.put("throttlingRateLimit", bucket.rate());
        return json;
    }

    private static String date(long millis) {
        return Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
