package dev.simstack.core.handles;

import dev.simstack.core.Stack;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients configured as an application configures them, pointed at a stack. */
final class HandleClients {

    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("test", "test"));

    private HandleClients() {
    }

    static SqsClient sqs(Stack stack) {
        return sqs(stack, Region.US_EAST_1);
    }

    static SqsClient sqs(Stack stack, Region region) {
        return SqsClient.builder().endpointOverride(stack.endpoint()).region(region).credentialsProvider(CREDENTIALS)
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static DynamoDbClient dynamo(Stack stack) {
        return DynamoDbClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static S3Client s3(Stack stack, Region region) {
        return S3Client.builder().endpointOverride(stack.endpoint()).region(region).credentialsProvider(CREDENTIALS)
                .forcePathStyle(true).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static LambdaClient lambda(Stack stack) {
        return LambdaClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build();
    }
}
