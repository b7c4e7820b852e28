package dev.simstack.core.cloudformation;

import static dev.simstack.core.cloudformation.CloudFormationTestSupport.cloudFormation;
import static dev.simstack.core.AwsErrorChecks.error;
import static dev.simstack.core.cloudformation.CloudFormationTestSupport.history;
import static dev.simstack.core.AwsErrorChecks.message;
import static dev.simstack.core.cloudformation.CloudFormationTestSupport.queueNames;
import static dev.simstack.core.cloudformation.CloudFormationTestSupport.tableNames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetStatus;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.ExecutionStatus;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

/** Change sets as {@code aws cloudformation deploy} drives them, and updates with the same engine. */
class CloudFormationChangeSetTest {

    static final String V1 = """
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
              Old:
                Type: AWS::SQS::Queue
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
            """;
    /** Jobs unchanged, Old removed, Table's key schema changed (replaced), New added. */
    static final String V2 = """
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                  KeySchema: [{AttributeName: pk, KeyType: HASH}]
              New:
                Type: AWS::SQS::Queue
            """;

    static Stack stack;
    static CloudFormationClient cfn;

    @BeforeAll
    static void start() {
        stack = Stack.start(StackConfig.defaults().withSeed(13L));
        cfn = cloudFormation(stack);
    }

    @AfterAll
    static void stop() {
        cfn.close();
        stack.close();
    }

    private static DescribeChangeSetResponse changeSet(String stackName, String name, String body, ChangeSetType type) {
        cfn.createChangeSet(r -> r.stackName(stackName).changeSetName(name).templateBody(body).changeSetType(type));
        return cfn.describeChangeSet(r -> r.stackName(stackName).changeSetName(name));
    }

    @Test
    void a_create_change_set_waits_in_review_then_executes_into_a_stack() {
        DescribeChangeSetResponse created = changeSet("review", "first", V1, ChangeSetType.CREATE);

        assertThat(created.status()).isEqualTo(ChangeSetStatus.CREATE_COMPLETE);
        assertThat(created.executionStatus()).isEqualTo(ExecutionStatus.AVAILABLE);
        assertThat(created.changes()).extracting(c -> c.resourceChange().actionAsString() + " "
                + c.resourceChange().logicalResourceId()).containsExactly("Add Jobs", "Add Old", "Add Table");
        assertThat(cfn.describeStacks(r -> r.stackName("review")).stacks().get(0).stackStatus())
                .isEqualTo(StackStatus.REVIEW_IN_PROGRESS);
        assertThat(cfn.listChangeSets(r -> r.stackName("review")).summaries()).extracting(s -> s.changeSetName())
                .containsExactly("first");

        cfn.executeChangeSet(r -> r.stackName("review").changeSetName("first"));

        assertThat(cfn.describeStacks(r -> r.stackName("review")).stacks().get(0).stackStatus())
                .isEqualTo(StackStatus.CREATE_COMPLETE);
        assertThat(cfn.describeChangeSet(r -> r.stackName("review").changeSetName("first")).executionStatus())
                .isEqualTo(ExecutionStatus.EXECUTE_COMPLETE);
        assertThat(history(cfn, "review")).startsWith("review REVIEW_IN_PROGRESS User Initiated",
                "review CREATE_IN_PROGRESS User Initiated");
        cfn.deleteStack(r -> r.stackName("review"));
    }

    @Test
    void a_change_set_without_changes_fails_with_aws_reason() {
        changeSet("same", "one", V1, ChangeSetType.CREATE);
        cfn.executeChangeSet(r -> r.stackName("same").changeSetName("one"));

        DescribeChangeSetResponse empty = changeSet("same", "two", V1, ChangeSetType.UPDATE);

        assertThat(empty.status()).isEqualTo(ChangeSetStatus.FAILED);
        assertThat(empty.statusReason()).isEqualTo("The submitted information didn't contain changes. Submit "
                + "different information to create a change set.");
        assertThat(empty.executionStatus()).isEqualTo(ExecutionStatus.UNAVAILABLE);
        cfn.deleteChangeSet(r -> r.stackName("same").changeSetName("two"));
        var gone = error(() -> cfn.describeChangeSet(r -> r.stackName("same").changeSetName("two")),
                "ChangeSetNotFound", 404);
        assertThat(message(gone)).isEqualTo("ChangeSet [two] does not exist");
        cfn.deleteStack(r -> r.stackName("same"));
    }

    @Test
    void an_update_change_set_adds_removes_and_replaces_resources() {
        changeSet("evolve", "v1", V1, ChangeSetType.CREATE);
        cfn.executeChangeSet(r -> r.stackName("evolve").changeSetName("v1"));
        String jobs = physicalId("evolve", "Jobs");
        String old = physicalId("evolve", "Old");
        String table = physicalId("evolve", "Table");

        DescribeChangeSetResponse update = changeSet("evolve", "v2", V2, ChangeSetType.UPDATE);

        assertThat(update.changes()).extracting(c -> c.resourceChange().actionAsString() + " "
                + c.resourceChange().logicalResourceId() + " " + c.resourceChange().replacementAsString())
                .containsExactly("Modify Table True", "Add New null", "Remove Old null");
        cfn.executeChangeSet(r -> r.stackName("evolve").changeSetName("v2"));

        assertThat(cfn.describeStacks(r -> r.stackName("evolve")).stacks().get(0).stackStatus())
                .isEqualTo(StackStatus.UPDATE_COMPLETE);
        assertThat(physicalId("evolve", "Jobs")).isEqualTo(jobs);
        assertThat(physicalId("evolve", "Table")).isNotEqualTo(table);
        assertThat(tableNames(stack)).doesNotContain(table).contains(physicalId("evolve", "Table"));
        assertThat(queueNames(stack)).doesNotContain(old.substring(old.lastIndexOf('/') + 1));
        assertThat(cfn.listStackResources(r -> r.stackName("evolve")).stackResourceSummaries())
                .extracting(s -> s.logicalResourceId()).containsExactlyInAnyOrder("Jobs", "Table", "New");
        assertThat(history(cfn, "evolve")).endsWith("evolve UPDATE_COMPLETE_CLEANUP_IN_PROGRESS",
                "Old DELETE_IN_PROGRESS", "Old DELETE_COMPLETE", "evolve UPDATE_COMPLETE");
        cfn.deleteStack(r -> r.stackName("evolve"));
    }

    @Test
    void update_stack_that_fails_rolls_back_to_the_previous_template() {
        cfn.createStack(r -> r.stackName("undo").templateBody(V1));
        String bad = V1 + """
                  Broken:
                    Type: AWS::SQS::Queue
                    Properties:
                      DelaySeconds: 9000
                """;

        cfn.updateStack(r -> r.stackName("undo").templateBody(bad));

        var described = cfn.describeStacks(r -> r.stackName("undo")).stacks().get(0);
        assertThat(described.stackStatus()).isEqualTo(StackStatus.UPDATE_ROLLBACK_COMPLETE);
        assertThat(cfn.getTemplate(r -> r.stackName("undo")).templateBody()).isEqualTo(V1);
        assertThat(cfn.listStackResources(r -> r.stackName("undo")).stackResourceSummaries())
                .extracting(s -> s.logicalResourceId()).containsExactly("Jobs", "Old", "Table");
        var nothing = error(() -> cfn.updateStack(r -> r.stackName("undo").templateBody(V1)), "ValidationError", 400);
        assertThat(message(nothing)).isEqualTo("No updates are to be performed.");
        cfn.deleteStack(r -> r.stackName("undo"));
    }

    @Test
    void an_update_change_set_of_a_missing_stack_is_a_validation_error() {
        var error = error(() -> cfn.createChangeSet(r -> r.stackName("nowhere").changeSetName("x").templateBody(V1)
                .changeSetType(ChangeSetType.UPDATE)), "ValidationError", 400);

        assertThat(message(error)).isEqualTo("Stack [nowhere] does not exist");
    }

    private static String physicalId(String stackName, String logicalId) {
        return cfn.describeStackResource(r -> r.stackName(stackName).logicalResourceId(logicalId))
                .stackResourceDetail().physicalResourceId();
    }
}
