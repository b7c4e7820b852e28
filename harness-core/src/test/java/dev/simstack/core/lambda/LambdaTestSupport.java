package dev.simstack.core.lambda;

import dev.simstack.core.Stack;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Clients configured as an application configures them, pointed at a stack. */
final class LambdaTestSupport {

    static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDTEST", "secret"));

    private LambdaTestSupport() {
    }

    static LambdaClient lambda(Stack stack) {
        return LambdaClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder())
                // the SDK would retry 429s and 5xx; the tests check the first answer
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(b -> b.maxAttempts(1)).build())
                .build();
    }

    static SqsClient sqs(Stack stack) {
        return SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    /** Runs {@code call} in the background and advances the manual clock until it answers. */
    static <T> T advanceUntilDone(Stack stack, Supplier<T> call, Duration step) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(call);
        for (int i = 0; i < 2000 && !future.isDone(); i++) {
            sleep(5);
            stack.clock().advance(step);
        }
        return future.join();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
