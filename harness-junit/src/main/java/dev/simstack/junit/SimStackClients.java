package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.Stack;
import dev.simstack.junit.internal.PathStyle;
import java.util.Objects;
import org.apiguardian.api.API;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * Points an SDK v2 client builder that the app makes itself at a stack, in one line, exactly as the harness
 * configures the clients it injects: endpoint override, the stack's region, static credentials, path-style
 * S3 addressing; everything else (retry strategy, HTTP client, timeouts) stays the SDK's default.
 *
 * <pre>{@code
 * SqsClient sqs = SimStackClients.configure(SqsClient.builder(), stack).build();
 * DynamoDbClient west = SimStackClients.configure(DynamoDbClient.builder(), stack, "us-west-2").build();
 * }</pre>
 *
 * <p>Apps that read the endpoint from {@code AWS_ENDPOINT_URL} cannot be given one in-process per stack: an
 * environment variable cannot be set in a running JVM, and a JVM-wide system property
 * ({@code aws.endpointUrl}) would point every class's clients at one stack, which breaks classes running in
 * parallel. Let the app take a client (or its builder) from the test, or configure its builder with this.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class SimStackClients {

    /** The access key id and secret the harness signs with; the engine accepts any. */
    public static final String ACCESS_KEY_ID = "test";

    private SimStackClients() {
    }

    /** {@code builder} pointed at {@code stack} in its default region. */
    public static <B extends AwsClientBuilder<B, ?>> B configure(B builder, Stack stack) {
        return configure(builder, stack, stack.defaultRegion());
    }

    /** {@code builder} pointed at {@code stack} in {@code region}. */
    public static <B extends AwsClientBuilder<B, ?>> B configure(B builder, Stack stack, String region) {
        Objects.requireNonNull(builder, "builder");
        B configured = builder.endpointOverride(stack.endpoint())
                .region(Region.of(Objects.requireNonNull(region, "region")))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY_ID, ACCESS_KEY_ID)));
        PathStyle.force(configured);
        return configured;
    }
}
