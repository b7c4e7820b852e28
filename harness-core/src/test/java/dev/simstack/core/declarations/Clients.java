package dev.simstack.core.declarations;

import dev.simstack.core.Stack;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients pointed at a stack in a region, as an application configures them, and plain HTTP. */
final class Clients {


    private Clients() {
    }

    static SqsClient sqs(Stack stack, String region) {
        return configure(SqsClient.builder(), stack, region).build();
    }

    static DynamoDbClient dynamo(Stack stack, String region) {
        return configure(DynamoDbClient.builder(), stack, region).build();
    }

    static S3Client s3(Stack stack, String region) {
        return configure(S3Client.builder(), stack, region).forcePathStyle(true).build();
    }

    static LambdaClient lambda(Stack stack, String region) {
        return configure(LambdaClient.builder(), stack, region).build();
    }

    static ApiGatewayClient apiGateway(Stack stack, String region) {
        return configure(ApiGatewayClient.builder(), stack, region).build();
    }

    static RequestBody text(String text) {
        return RequestBody.fromString(text);
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder,
            Stack stack, String region) {
        return builder.endpointOverride(stack.endpoint()).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder());
    }
}
