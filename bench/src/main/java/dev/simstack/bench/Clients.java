package dev.simstack.bench;

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
 * (and S3's path-style addressing, since {@code bucket.127.0.0.1} does not resolve). Each is on the
 * Apache HTTP client with a pool of {@code maxConnections}, at least the number of threads using it.
 */
final class Clients {

    private Clients() {
    }

    static SqsClient sqs(URI endpoint, int maxConnections) {
        return configure(SqsClient.builder(), endpoint, maxConnections).build();
    }

    static DynamoDbClient dynamoDb(URI endpoint, int maxConnections) {
        return configure(DynamoDbClient.builder(), endpoint, maxConnections).build();
    }

    static S3Client s3(URI endpoint, int maxConnections) {
        return configure(S3Client.builder(), endpoint, maxConnections).forcePathStyle(true).build();
    }

    static LambdaClient lambda(URI endpoint, int maxConnections) {
        return configure(LambdaClient.builder(), endpoint, maxConnections).build();
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder,
            URI endpoint, int maxConnections) {
        return builder.endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(maxConnections));
    }
}
