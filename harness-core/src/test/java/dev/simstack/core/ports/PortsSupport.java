package dev.simstack.core.ports;

import dev.simstack.core.ResourceRef;
import dev.simstack.core.Stack;
import dev.simstack.core.internal.stack.Engine;
import java.lang.reflect.Field;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Clients as an application builds them, and the engine whose ports the tests call. */
final class PortsSupport {

    /** The clients' access key id: SQS answers it as a wire sender's SenderId. */
    static final String ACCESS_KEY = "AKIDPORTS";
    static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create(ACCESS_KEY, "secret"));

    private PortsSupport() {
    }

    static SqsClient sqs(Stack stack) {
        return SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static S3Client s3(Stack stack) {
        return S3Client.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).forcePathStyle(true).build();
    }

    static LambdaClient lambda(Stack stack) {
        return LambdaClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(b -> b.maxAttempts(1)).build())
                .build();
    }

    static ResourceRef queue(Stack stack, String name) {
        return ResourceRef.queue(stack.defaultRegion(), stack.accountId(), name);
    }

    static ResourceRef function(Stack stack, String name) {
        return ResourceRef.function(stack.defaultRegion(), stack.accountId(), name);
    }

    static String url(SqsClient sqs, String queue) {
        return sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    }

    /** The stack's engine: the ports are inside it, with no public API (the harness will build on them). */
    static Engine engine(Stack stack) {
        try {
            Field engine = Stack.class.getDeclaredField("engine");
            engine.setAccessible(true);
            return (Engine) engine.get(stack);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Stack no longer holds its engine in a field named 'engine'", e);
        }
    }
}
