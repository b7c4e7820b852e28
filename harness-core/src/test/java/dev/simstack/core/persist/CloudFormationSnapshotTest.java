package dev.simstack.core.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.DataDirectory;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Export;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A CloudFormation stack survives a restart from the same data directory, and deleting it then deletes its resources. */
class CloudFormationSnapshotTest {

    private static final String TEMPLATE = """
            Resources:
              Orders:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: kept-orders
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
            Outputs:
              OrdersUrl:
                Description: where orders go
                Value: !Ref Orders
                Export:
                  Name: kept-orders-url
            """;

    @TempDir
    Path dir;

    private static CloudFormationClient cfn(Stack stack) {
        return CloudFormationClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    private static List<String> queueNames(Stack stack) {
        try (SqsClient sqs = SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .build()) {
            return sqs.listQueues().queueUrls().stream().map(url -> url.substring(url.lastIndexOf('/') + 1)).toList();
        }
    }

    @Test
    void a_restarted_stack_answers_as_before_and_delete_stack_still_deletes_its_resources() {
        DataDirectory data = DataDirectory.open(dir);
        String stackId;
        List<StackResourceSummary> resources;
        software.amazon.awssdk.services.cloudformation.model.Stack described;
        try (Stack stack = data.start(StackConfig.defaults(), System.err::println); CloudFormationClient cfn = cfn(stack)) {
            stackId = cfn.createStack(r -> r.stackName("kept").templateBody(TEMPLATE)).stackId();
            described = cfn.describeStacks(r -> r.stackName("kept")).stacks().get(0);
            resources = cfn.listStackResources(r -> r.stackName("kept")).stackResourceSummaries();
            data.save(stack);
        }
        try (Stack stack = data.start(StackConfig.defaults(), System.err::println); CloudFormationClient cfn = cfn(stack)) {
            assertThat(cfn.describeStacks(r -> r.stackName("kept")).stacks()).containsExactly(described);
            assertThat(cfn.listStackResources(r -> r.stackName("kept")).stackResourceSummaries())
                    .isEqualTo(resources);
            assertThat(cfn.listExports().exports()).extracting(Export::name, Export::exportingStackId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("kept-orders-url", stackId));
            assertThat(cfn.describeStackEvents(r -> r.stackName("kept")).stackEvents()).isNotEmpty();
            assertThat(queueNames(stack)).contains("kept-orders");

            cfn.deleteStack(r -> r.stackName("kept"));

            assertThat(queueNames(stack)).doesNotContain("kept-orders");
            assertThat(cfn.describeStacks(r -> r.stackName(stackId)).stacks().get(0).stackStatusAsString())
                    .isEqualTo("DELETE_COMPLETE");
            assertThat(cfn.listExports().exports()).isEmpty();
        }
    }
}
