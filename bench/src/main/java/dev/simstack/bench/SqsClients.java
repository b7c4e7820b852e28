package dev.simstack.bench;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SQS clients configured as an application under test would configure them: only the endpoint differs. */
final class SqsClients {

    private SqsClients() {
    }

    /** A client on the Apache HTTP client with a pool of {@code maxConnections} (at least the thread count). */
    static SqsClient forEndpoint(URI endpoint, int maxConnections) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(maxConnections))
                .build();
    }
}
