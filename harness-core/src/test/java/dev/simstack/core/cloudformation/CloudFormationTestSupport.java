package dev.simstack.core.cloudformation;


import dev.simstack.core.Stack;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/** A CloudFormation client as a deployment tool configures one, pointed at a stack; and its errors. */
final class CloudFormationTestSupport {

    private CloudFormationTestSupport() {
    }

    static CloudFormationClient cloudFormation(Stack stack) {
        return CloudFormationClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(b -> b.maxAttempts(1)).build())
                .build();
    }



    /** The names of the stack's queues in us-east-1, through SQS's ListQueues. */
    static List<String> queueNames(Stack stack) {
        try (var sqs = software.amazon.awssdk.services.sqs.SqsClient.builder().endpointOverride(stack.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(credentials()).build()) {
            return sqs.listQueues().queueUrls().stream().map(url -> url.substring(url.lastIndexOf('/') + 1)).toList();
        }
    }

    /** The names of the stack's tables in us-east-1, through DynamoDB's ListTables. */
    static List<String> tableNames(Stack stack) {
        try (var dynamodb = software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder()
                .endpointOverride(stack.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials()).build()) {
            return dynamodb.listTables().tableNames();
        }
    }

    /** The names of the stack's buckets, through S3's ListBuckets. */
    static List<String> bucketNames(Stack stack) {
        try (var s3 = software.amazon.awssdk.services.s3.S3Client.builder().endpointOverride(stack.endpoint())
                .region(Region.US_EAST_1).forcePathStyle(true).credentialsProvider(credentials()).build()) {
            return s3.listBuckets().buckets().stream().map(b -> b.name()).toList();
        }
    }

    static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));
    }

    /** Events oldest first, each as {@code LogicalId STATUS [reason]}. */
    static List<String> history(CloudFormationClient cfn, String stackName) {
        List<StackEvent> events = new java.util.ArrayList<>(cfn.describeStackEvents(r -> r.stackName(stackName))
                .stackEvents());
        java.util.Collections.reverse(events);
        return events.stream().map(event -> event.logicalResourceId() + " " + event.resourceStatusAsString()
                + (event.resourceStatusReason() == null ? "" : " " + event.resourceStatusReason())).toList();
    }
}
