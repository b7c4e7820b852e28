package dev.simstack.core.apigateway;

import dev.simstack.core.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

/** The control plane's SDK client, and plain HTTP calls as a browser or curl would make them. */
final class ApiTestSupport {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ApiTestSupport() {
    }

    /** An API Gateway client of {@code stack}, as a deploy tool would configure one (endpoint override only). */
    static ApiGatewayClient apiGateway(Stack stack) {
        return ApiGatewayClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    /** An apigatewayv2 (HTTP API) client of {@code stack}, configured the same way. */
    static ApiGatewayV2Client apiGatewayV2(Stack stack) {
        return ApiGatewayV2Client.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static HttpResponse<String> get(URI uri, String... headers) {
        return send(HttpRequest.newBuilder(uri).GET(), headers);
    }

    static HttpResponse<String> post(URI uri, String body, String... headers) {
        return send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    static HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
