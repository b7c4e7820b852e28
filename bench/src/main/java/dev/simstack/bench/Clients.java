package dev.simstack.bench;

import dev.simstack.core.InProcessHttpClient;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK clients configured as an application under test would configure them: only the endpoint differs
 * (and S3's path-style addressing, since {@code bucket.127.0.0.1} does not resolve) and the HTTP client the
 * {@link Transport} gives: the Apache HTTP client with a pool of {@code maxConnections}, at least the number of
 * threads using it, or the stack's in-process transport.
 */
final class Clients {

    private Clients() {
    }

    static SqsClient sqs(URI endpoint, int maxConnections) {
        return sqs(Transport.socket(endpoint, maxConnections));
    }

    static SqsClient sqs(Transport transport) {
        return configure(SqsClient.builder(), transport).build();
    }

    static DynamoDbClient dynamoDb(URI endpoint, int maxConnections) {
        return dynamoDb(Transport.socket(endpoint, maxConnections));
    }

    static DynamoDbClient dynamoDb(Transport transport) {
        return configure(DynamoDbClient.builder(), transport).build();
    }

    static S3Client s3(URI endpoint, int maxConnections) {
        return s3(Transport.socket(endpoint, maxConnections));
    }

    static S3Client s3(Transport transport) {
        return configure(S3Client.builder(), transport).forcePathStyle(true).build();
    }

    static LambdaClient lambda(URI endpoint, int maxConnections) {
        return lambda(Transport.socket(endpoint, maxConnections));
    }

    static LambdaClient lambda(Transport transport) {
        return configure(LambdaClient.builder(), transport).build();
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder,
            Transport transport) {
        builder.endpointOverride(transport.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        if (transport.inProcess() != null) {
            return builder.httpClient(InProcessHttpClient.of(transport.inProcess()));
        }
        // a builder, not a built client, so that closing the SDK client closes its connection pool
        return builder.httpClientBuilder(ApacheHttpClient.builder().maxConnections(transport.maxConnections()));
    }
}
