package dev.simstack.core.reset;

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
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients pointed at a stack as an application configures them, and plain HTTP for the endpoints. */
public final class ResetClients {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ResetClients() {
    }

    static SqsClient sqs(Stack stack, Region region) {
        return configure(SqsClient.builder(), stack, region).build();
    }

    static SqsClient sqs(Stack stack) {
        return sqs(stack, Region.US_EAST_1);
    }

    static DynamoDbClient dynamo(Stack stack) {
        return dynamo(stack, Region.US_EAST_1);
    }

    static DynamoDbClient dynamo(Stack stack, Region region) {
        return configure(DynamoDbClient.builder(), stack, region).build();
    }

    static S3Client s3(Stack stack) {
        return configure(S3Client.builder(), stack, Region.US_EAST_1).forcePathStyle(true).build();
    }

    static LambdaClient lambda(Stack stack) {
        return configure(LambdaClient.builder(), stack, Region.US_EAST_1).build();
    }

    static ApiGatewayClient apiGateway(Stack stack) {
        return configure(ApiGatewayClient.builder(), stack, Region.US_EAST_1).build();
    }

    /** One plain HTTP request to the stack, as curl in a CI script makes it. */
    public static HttpResponse<String> http(Stack stack, String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.endpoint() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder,
            Stack stack, Region region) {
        return builder.endpointOverride(stack.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder());
    }
}
