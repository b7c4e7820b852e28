package dev.simstack.sample;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SDK clients of one execution environment, configured from the function's environment as the SDK
 * configures itself on Lambda: the region from {@code AWS_REGION}, the execution role's keys from
 * {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN}, and a custom
 * endpoint from {@code AWS_ENDPOINT_URL} when one is set (an emulator; never on AWS), and the attempts per call
 * (the first and the retries) from {@code AWS_MAX_ATTEMPTS}, as the SDK reads it. It reads them from
 * {@link LambdaEnvironment} rather than leaving it to the SDK, which reads only the process's environment.
 *
 * <p>Clients are built once per process and configuration and shared by every handler instance, as AWS
 * advises (a client outside the handler, reused across invocations): on Lambda that is once per execution
 * environment; an emulator running many functions in one process builds them once per stack.
 */
final class AwsClients {

    private static final Map<List<String>, AwsClients> BUILT = new ConcurrentHashMap<>();

    final DynamoDbClient dynamo;
    final SqsClient sqs;
    final S3Client s3;

    /** The clients for {@code environment}'s region, endpoint and credentials. */
    static AwsClients of(LambdaEnvironment environment) {
        List<String> configuration = Arrays.asList(environment.get("AWS_REGION"), environment.get("AWS_ENDPOINT_URL"),
                environment.get("AWS_ACCESS_KEY_ID"), environment.get("AWS_SESSION_TOKEN"),
                environment.get("AWS_MAX_ATTEMPTS"));
        return BUILT.computeIfAbsent(configuration, any -> new AwsClients(environment));
    }

    private AwsClients(LambdaEnvironment environment) {
        this.dynamo = configure(DynamoDbClient.builder(), environment).build();
        this.sqs = configure(SqsClient.builder(), environment).build();
        // Path-style addressing on a custom endpoint: bucket names are not host names on 127.0.0.1.
        this.s3 = configure(S3Client.builder(), environment)
                .forcePathStyle(environment.get("AWS_ENDPOINT_URL") != null).build();
    }

    private static <B extends AwsClientBuilder<B, C>, C> B configure(B builder, LambdaEnvironment environment) {
        builder.region(Region.of(environment.require("AWS_REGION"))).credentialsProvider(credentials(environment));
        String endpoint = environment.get("AWS_ENDPOINT_URL");
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        String maxAttempts = environment.get("AWS_MAX_ATTEMPTS");
        if (maxAttempts != null) {
            int attempts = Integer.parseInt(maxAttempts.trim());
            builder.overrideConfiguration(o -> o.retryStrategy(retry -> retry.maxAttempts(attempts)));
        }
        return builder;
    }

    private static AwsCredentialsProvider credentials(LambdaEnvironment environment) {
        String keyId = environment.get("AWS_ACCESS_KEY_ID");
        if (keyId == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(keyId,
                environment.require("AWS_SECRET_ACCESS_KEY"), environment.require("AWS_SESSION_TOKEN")));
    }
}
