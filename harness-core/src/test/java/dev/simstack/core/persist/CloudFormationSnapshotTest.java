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

    private static final String PENDING_TEMPLATE = """
            Parameters:
              Name: {Type: String}
            Resources:
              Pending:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Ref Name
            """;

    /** What DescribeChangeSet answers that a restart must keep: the response's own metadata differs. */
    private static List<Object> described(CloudFormationClient cfn, String changeSetId) {
        var changeSet = cfn.describeChangeSet(r -> r.changeSetName(changeSetId));
        return List.of(changeSet.changeSetName(), changeSet.stackId(), changeSet.statusAsString(),
                changeSet.executionStatusAsString(), changeSet.creationTime(), changeSet.parameters(),
                changeSet.capabilitiesAsStrings(), changeSet.tags(), changeSet.changes());
    }

    @Test
    void change_sets_created_before_a_restart_are_described_and_executed_after_it() {
        DataDirectory data = DataDirectory.open(dir);
        String createId;
        String updateId;
        List<Object> create;
        List<Object> update;
        try (Stack stack = data.start(StackConfig.defaults(), System.err::println); CloudFormationClient cfn = cfn(stack)) {
            createId = cfn.createChangeSet(r -> r.stackName("reviewed").changeSetName("first").changeSetType("CREATE")
                    .templateBody(PENDING_TEMPLATE).parameters(p -> p.parameterKey("Name").parameterValue("new-one"))
                    .tags(t -> t.key("team").value("orders"))).id();
            cfn.createStack(r -> r.stackName("kept").templateBody(TEMPLATE));
            updateId = cfn.createChangeSet(r -> r.stackName("kept").changeSetName("more").templateBody(TEMPLATE
                    .replace("Outputs:", """
                              Added:
                                Type: AWS::SQS::Queue
                                Properties:
                                  QueueName: added-orders
                            Outputs:"""))).id();
            create = described(cfn, createId);
            update = described(cfn, updateId);
            data.save(stack);
        }
        try (Stack stack = data.start(StackConfig.defaults(), System.err::println); CloudFormationClient cfn = cfn(stack)) {
            assertThat(described(cfn, createId)).isEqualTo(create);
            assertThat(described(cfn, updateId)).isEqualTo(update);
            assertThat(cfn.describeStacks(r -> r.stackName("reviewed")).stacks().get(0).stackStatusAsString())
                    .isEqualTo("REVIEW_IN_PROGRESS");

            cfn.executeChangeSet(r -> r.changeSetName(createId));
            cfn.executeChangeSet(r -> r.changeSetName("more").stackName("kept"));

            assertThat(queueNames(stack)).contains("new-one", "added-orders");
            assertThat(cfn.describeStacks(r -> r.stackName("reviewed")).stacks().get(0).stackStatusAsString())
                    .isEqualTo("CREATE_COMPLETE");
            assertThat(cfn.describeStacks(r -> r.stackName("kept")).stacks().get(0).stackStatusAsString())
                    .isEqualTo("UPDATE_COMPLETE");
            assertThat(cfn.describeChangeSet(r -> r.changeSetName(createId)).executionStatusAsString())
                    .isEqualTo("EXECUTE_COMPLETE");
        }
    }
}
