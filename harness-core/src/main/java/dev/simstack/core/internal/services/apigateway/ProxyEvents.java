package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Lambda proxy integration events, in the shapes of "Set up Lambda proxy integrations" (REST,
 * payload format 1.0) and "Working with AWS Lambda proxy integrations for HTTP APIs" (format 2.0).
 */
final class ProxyEvents {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** requestTime as API Gateway writes it: {@code 09/Apr/2015:12:34:56 +0000}. */
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter
            .ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ProxyEvents() {
    }

    /** {@code requestTime} of an event or of {@code $context}. */
    static String requestTime(java.time.Instant arrival) {
        return REQUEST_TIME.format(arrival);
    }

    /** Payload format 1.0 (REST APIs). */
    static byte[] v1(ApiRequest request, ApiRoute route, Map<String, String> pathParameters, String accountId,
            String region, String resourceId) {
        return bytes(v1Event(request, route, pathParameters, accountId, region, resourceId));
    }

    /**
     * Payload format 1.0 as a document: a REQUEST authorizer's event is made of it, and a request an authorizer
     * let through gets {@code requestContext.authorizer} added to it.
     */
    static ObjectNode v1Event(ApiRequest request, ApiRoute route, Map<String, String> pathParameters,
            String accountId, String region, String resourceId) {
        ObjectNode event = NODES.objectNode();
        String resource = route.path() == null ? "/{proxy+}" : route.path();
        event.put("resource", resource);
        event.put("path", request.path());
        event.put("httpMethod", request.method());
        ObjectNode headers = event.putObject("headers");
        ObjectNode multiHeaders = event.putObject("multiValueHeaders");
        request.headers().forEach((name, values) -> {
            headers.put(name, values.get(values.size() - 1));
            values.forEach(multiHeaders.putArray(name)::add);
        });
        if (request.query().isEmpty()) {
            event.putNull("queryStringParameters");
            event.putNull("multiValueQueryStringParameters");
        } else {
            ObjectNode query = event.putObject("queryStringParameters");
            ObjectNode multiQuery = event.putObject("multiValueQueryStringParameters");
            request.query().forEach((name, values) -> {
                query.put(name, values.get(values.size() - 1));
                values.forEach(multiQuery.putArray(name)::add);
            });
        }
        if (pathParameters.isEmpty()) {
            event.putNull("pathParameters");
        } else {
            pathParameters.forEach(event.putObject("pathParameters")::put);
        }
        event.putNull("stageVariables");
        ObjectNode context = event.putObject("requestContext");
        context.put("resourceId", resourceId);
        context.put("resourcePath", resource);
        context.put("httpMethod", request.method());
        context.put("extendedRequestId", request.requestId());
        context.put("requestTime", REQUEST_TIME.format(request.arrival()));
        context.put("path", "/" + request.stage() + request.path());
        context.put("accountId", accountId);
        context.put("protocol", "HTTP/1.1");
        context.put("stage", request.stage());
        context.put("domainPrefix", request.apiId());
        context.put("requestTimeEpoch", request.arrival().toEpochMilli());
        context.put("requestId", request.requestId());
        ObjectNode identity = context.putObject("identity");
        identity.putNull("cognitoIdentityPoolId");
        identity.putNull("accountId");
        identity.putNull("cognitoIdentityId");
        identity.putNull("caller");
        identity.put("sourceIp", "127.0.0.1");
        identity.putNull("principalOrgId");
        identity.putNull("accessKey");
        identity.putNull("cognitoAuthenticationType");
        identity.putNull("cognitoAuthenticationProvider");
        identity.putNull("userArn");
        identity.put("userAgent", request.header("User-Agent"));
        identity.putNull("user");
        if (request.header("x-api-key") != null) {
            identity.put("apiKey", request.header("x-api-key"));
        }
        context.put("domainName", request.apiId() + ".execute-api." + region + ".amazonaws.com");
        context.put("apiId", request.apiId());
        body(event, request);
        return event;
    }

    /** Payload format 2.0 (HTTP APIs). */
    static byte[] v2(ApiRequest request, ApiRoute route, Map<String, String> pathParameters, String accountId,
            String region) {
        return bytes(v2Event(request, route, pathParameters, accountId, region));
    }

    /**
     * Payload format 2.0 as a document: an HTTP API's REQUEST authorizer's event is made of it, and a request an
     * authorizer let through gets {@code requestContext.authorizer} added to it.
     */
    static ObjectNode v2Event(ApiRequest request, ApiRoute route, Map<String, String> pathParameters,
            String accountId, String region) {
        ObjectNode event = NODES.objectNode();
        event.put("version", "2.0");
        event.put("routeKey", route.routeKey());
        event.put("rawPath", request.stage().equals("$default") ? request.rawPath()
                : "/" + request.stage() + request.rawPath());
        event.put("rawQueryString", request.rawQuery());
        List<String> cookies = new ArrayList<>();
        ObjectNode headers = NODES.objectNode();
        request.headers().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Cookie")) {
                values.forEach(v -> {
                    for (String cookie : v.split(";")) {
                        cookies.add(cookie.trim());
                    }
                });
            } else {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        if (!cookies.isEmpty()) {
            cookies.forEach(event.putArray("cookies")::add);
        }
        event.set("headers", headers);
        if (!request.query().isEmpty()) {
            ObjectNode query = event.putObject("queryStringParameters");
            request.query().forEach((name, values) -> query.put(name, String.join(",", values)));
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", accountId);
        context.put("apiId", request.apiId());
        context.put("domainName", request.apiId() + ".execute-api." + region + ".amazonaws.com");
        context.put("domainPrefix", request.apiId());
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.path());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", request.header("User-Agent"));
        context.put("requestId", request.requestId());
        context.put("routeKey", route.routeKey());
        context.put("stage", request.stage());
        context.put("time", REQUEST_TIME.format(request.arrival()));
        context.put("timeEpoch", request.arrival().toEpochMilli());
        if (!pathParameters.isEmpty()) {
            pathParameters.forEach(event.putObject("pathParameters")::put);
        }
        if (request.body().length > 0) {
            body(event, request);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    private static void body(ObjectNode event, ApiRequest request) {
        if (request.body().length == 0) {
            event.putNull("body");
            event.put("isBase64Encoded", false);
        } else if (request.textBody()) {
            event.put("body", new String(request.body(), StandardCharsets.UTF_8));
            event.put("isBase64Encoded", false);
        } else {
            event.put("body", Base64.getEncoder().encodeToString(request.body()));
            event.put("isBase64Encoded", true);
        }
    }

    static byte[] bytes(ObjectNode event) {
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }
}
