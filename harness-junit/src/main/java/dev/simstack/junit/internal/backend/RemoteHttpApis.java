package dev.simstack.junit.internal.backend;

import dev.simstack.core.ApiSpec;
import dev.simstack.junit.internal.Misuse;
import dev.simstack.junit.internal.SdkClients;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.CreateIntegrationRequest;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.apigatewayv2.model.RouteSettings;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Creates declared HTTP APIs through API Gateway's v2 control plane: the API, an integration and a route per
 * declared route (Lambda proxy with payload format 2.0, or {@code SQS-SendMessage} of the request's body), and the
 * declared stage, deployed automatically, its throttle as the stage's default route settings and each route's own
 * throttle as that route's settings; the invoke URL is kept for {@code @ApiUrl}. Deleted with the API.
 */
final class RemoteHttpApis {

    /** AWS's account-level limits, which a route setting that names one limit only takes for the other. */
    private static final double ACCOUNT_RATE = 10_000;
    private static final int ACCOUNT_BURST = 5_000;

    private final RemoteTarget target;
    private final SdkClients clients;
    private final RemoteResources resources;

    RemoteHttpApis(RemoteTarget target, SdkClients clients, RemoteResources resources) {
        this.target = target;
        this.clients = clients;
        this.resources = resources;
    }

    /** @param credentials the role integrations call Lambda and SQS with (on AWS), or null */
    void create(ApiSpec spec, String credentials) {
        String region = target.regionOf(spec.region());
        ApiGatewayV2Client apis = (ApiGatewayV2Client) clients.client(ApiGatewayV2Client.class, region);
        String name = target.name(spec.name());
        String id = apis.createApi(b -> b.name(name).protocolType(ProtocolType.HTTP)
                .tags(Map.of(RemoteStack.RUN_TAG, target.runId()))).apiId();
        resources.created("HTTP API", name, region, () -> apis.deleteApi(b -> b.apiId(id)));
        Map<String, RouteSettings> routeSettings = new LinkedHashMap<>();
        for (ApiSpec.Route route : spec.routes()) {
            String integration = apis.createIntegration(integration(id, region, route.integration(), credentials))
                    .integrationId();
            apis.createRoute(b -> b.apiId(id).routeKey(route.routeKey()).target("integrations/" + integration));
            if (route.rate() > 0 || route.burst() > 0) {
                routeSettings.put(route.routeKey(), routeThrottle(spec, route));
            }
        }
        apis.createStage(b -> {
            b.apiId(id).stageName(spec.stage()).autoDeploy(true).tags(Map.of(RemoteStack.RUN_TAG, target.runId()))
                    .routeSettings(routeSettings);
            if (spec.rate() > 0) {
                b.defaultRouteSettings(s -> s.throttlingRateLimit(spec.rate()).throttlingBurstLimit(spec.burst()));
            }
        });
        resources.apiUrl(region, spec.name(), invokeUrl(id, region, spec.stage()));
    }

    /**
     * A route's throttle: what it declares, the stage's for a limit it leaves at 0 (as the engine reads a route
     * throttle), the account's where the stage declares none either.
     */
    private static RouteSettings routeThrottle(ApiSpec spec, ApiSpec.Route route) {
        return RouteSettings.builder().throttlingRateLimit(rateOf(spec, route))
                .throttlingBurstLimit(burstOf(spec, route)).build();
    }

    /** A throttled route's rate: its own, else the stage's, else the account's (REST method settings too). */
    static double rateOf(ApiSpec spec, ApiSpec.Route route) {
        return route.rate() > 0 ? route.rate() : spec.rate() > 0 ? spec.rate() : ACCOUNT_RATE;
    }

    /** A throttled route's burst: its own, else the stage's, else the account's (REST method settings too). */
    static int burstOf(ApiSpec spec, ApiSpec.Route route) {
        return route.burst() > 0 ? route.burst() : spec.rate() > 0 ? spec.burst() : ACCOUNT_BURST;
    }

    private CreateIntegrationRequest integration(String api, String region, ApiSpec.Integration integration,
            String credentials) {
        CreateIntegrationRequest.Builder request = CreateIntegrationRequest.builder().apiId(api)
                .integrationType(IntegrationType.AWS_PROXY).credentialsArn(credentials);
        if (integration.type().equals("lambda")) {
            LambdaClient lambda = (LambdaClient) clients.client(LambdaClient.class, region);
            String function = lambda.getFunction(b -> b.functionName(target.name(integration.target())))
                    .configuration().functionArn();
            return request.integrationUri(function).payloadFormatVersion("2.0").build();
        }
        String queueUrl = resources.queueUrl(region, integration.target());
        if (queueUrl == null) {
            throw new Misuse("API route to queue '" + integration.target() + "', which is not declared in " + region
                    + ": declare it, e.g. @Queue(name = \"" + integration.target() + "\")");
        }
        // SQS-SendMessage takes its parameters from the request; the body is the message, as a declared API sends it.
        return request.integrationSubtype("SQS-SendMessage").payloadFormatVersion("1.0")
                .requestParameters(Map.of("QueueUrl", queueUrl,
                        "MessageBody", "$request.body")).build();
    }

    /**
     * Where the API answers: on AWS's own endpoint its execute-api host (the {@code $default} stage has no path of
     * its own); on an emulator (or an AWS endpoint override) LocalStack's path, which the SimStack launcher serves.
     */
    private String invokeUrl(String id, String region, String stage) {
        if (target.endpoint() == null) {
            return "https://" + id + ".execute-api." + region + ".amazonaws.com"
                    + (stage.equals("$default") ? "" : "/" + stage);
        }
        String base = target.endpoint().toString().replaceAll("/+$", "");
        return base + "/restapis/" + id + "/" + stage + "/_user_request_";
    }
}
