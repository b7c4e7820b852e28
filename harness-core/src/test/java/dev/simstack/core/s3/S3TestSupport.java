package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Stacks and S3 clients configured as an application would configure them against SimStack. */
final class S3TestSupport {

    static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("test", "test"));

    private S3TestSupport() {
    }

    static Stack stack() {
        return StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(1).start();
    }

    /** A path-style client ({@code http://127.0.0.1:port/bucket/key}). */
    static S3Client client(Stack stack) {
        return S3Client.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).forcePathStyle(true).build();
    }

    static S3Client client(Stack stack, Region region) {
        return S3Client.builder().endpointOverride(stack.endpoint()).region(region)
                .credentialsProvider(CREDENTIALS).forcePathStyle(true).build();
    }

    /**
     * A virtual-hosted client ({@code http://bucket.localhost:port/key}). {@code *.localhost} does not
     * resolve on every machine, so the client's DNS resolver maps it to loopback, as a browser would.
     */
    static S3Client virtualHostClient(Stack stack) {
        return virtualHostClient(stack, new java.util.ArrayList<>());
    }

    /** A virtual-hosted client that adds each request's {@code Host} and path, as it sends them, to {@code sent}. */
    static S3Client virtualHostClient(Stack stack, java.util.List<String> sent) {
        return S3Client.builder().endpointOverride(URI.create("http://localhost:" + stack.port()))
                .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).forcePathStyle(false)
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        SdkHttpRequest request = context.httpRequest();
                        String path = request.encodedPath();
                        sent.add(request.host() + ":" + request.port() + " " + (path.isEmpty() ? "/" : path));
                    }
                }))
                .httpClientBuilder(ApacheHttpClient.builder().dnsResolver(host -> {
                    if (host.equals("localhost") || host.endsWith(".localhost")) {
                        return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
                    }
                    throw new UnknownHostException(host);
                })).build();
    }

    static S3AsyncClient asyncClient(Stack stack) {
        return S3AsyncClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).forcePathStyle(true).build();
    }

    /** Asserts that {@code call} fails with S3's {@code status}, error {@code code} and exact {@code message}. */
    static void assertS3Error(Executable call, int status, String code, String message) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    static RequestBody text(String text) {
        return RequestBody.fromString(text, StandardCharsets.UTF_8);
    }
}
