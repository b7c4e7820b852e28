package dev.simstack.core.accounts;


import dev.simstack.core.Stack;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * SDK clients as an application in one account configures them: the access key id selects the account
 * (twelve digits, as LocalStack reads them), the secret is anything.
 */
final class AccountClients {

    static final String ALPHA = "111111111111";
    static final String BETA = "222222222222";

    private AccountClients() {
    }

    static StaticCredentialsProvider key(String accessKeyId) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "secret"));
    }

    private static ClientOverrideConfiguration once() {
        return ClientOverrideConfiguration.builder().retryStrategy(b -> b.maxAttempts(1)).build();
    }

    static SqsClient sqs(Stack stack, String accessKeyId) {
        return SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(key(accessKeyId)).httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(once()).build();
    }

    static DynamoDbClient dynamo(Stack stack, String accessKeyId) {
        return DynamoDbClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(key(accessKeyId)).httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(once()).build();
    }

    static S3Client s3(Stack stack, String accessKeyId) {
        return S3Client.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(key(accessKeyId)).httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(once()).build();
    }

    static LambdaClient lambda(Stack stack, String accessKeyId) {
        return LambdaClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(key(accessKeyId)).httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(once()).build();
    }

    static StsClient sts(Stack stack, String accessKeyId) {
        return StsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(key(accessKeyId)).httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(once()).build();
    }

    /** IAM is global; the SDK signs it for us-east-1 (aws-global), as it does against AWS. */
    static IamClient iam(Stack stack, String accessKeyId) {
        return IamClient.builder().endpointOverride(stack.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(key(accessKeyId)).httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(once()).build();
    }

}
