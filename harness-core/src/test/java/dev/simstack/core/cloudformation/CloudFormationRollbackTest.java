package dev.simstack.core.cloudformation;

import static dev.simstack.core.cloudformation.CloudFormationTestSupport.cloudFormation;
import static dev.simstack.core.AwsErrorChecks.error;
import static dev.simstack.core.cloudformation.CloudFormationTestSupport.history;
import static dev.simstack.core.AwsErrorChecks.message;
import static dev.simstack.core.cloudformation.CloudFormationTestSupport.queueNames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.OnFailure;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

/** A resource the engine refuses fails its stack, which rolls back as OnFailure says. */
class CloudFormationRollbackTest {

    /** The second queue's visibility timeout is beyond SQS's 12 hours: CreateQueue refuses it. */
    static String failing(String prefix) {
        return """
                Resources:
                  Good:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: %s-good
                  Bad:
                    Type: AWS::SQS::Queue
                    DependsOn: Good
                    Properties:
                      QueueName: %s-bad
                      VisibilityTimeout: 99999
                """.formatted(prefix, prefix);
    }

    static Stack stack;
    static CloudFormationClient cfn;

    @BeforeAll
    static void start() {
        stack = Stack.start(StackConfig.defaults().withSeed(11L));
        cfn = cloudFormation(stack);
    }

    @AfterAll
    static void stop() {
        cfn.close();
        stack.close();
    }

    @Test
    void a_failed_resource_rolls_the_stack_back_deleting_what_was_made() {
        cfn.createStack(r -> r.stackName("rollback").templateBody(failing("rb")));

        var described = cfn.describeStacks(r -> r.stackName("rollback")).stacks().get(0);
        assertThat(described.stackStatus()).isEqualTo(StackStatus.ROLLBACK_COMPLETE);
        assertThat(queueNames(stack)).doesNotContain("rb-good", "rb-bad");
        assertThat(history(cfn, "rollback")).containsExactly(
                "rollback CREATE_IN_PROGRESS User Initiated",
                "Good CREATE_IN_PROGRESS",
                "Good CREATE_IN_PROGRESS Resource creation Initiated",
                "Good CREATE_COMPLETE",
                "Bad CREATE_IN_PROGRESS",
                "Bad CREATE_FAILED CreateQueue failed: InvalidAttributeValue: Invalid value for the parameter "
                        + "VisibilityTimeout.",
                "rollback ROLLBACK_IN_PROGRESS The following resource(s) failed to create: [Bad]. Rollback requested "
                        + "by user.",
                "Bad DELETE_COMPLETE",
                "Good DELETE_IN_PROGRESS",
                "Good DELETE_COMPLETE",
                "rollback ROLLBACK_COMPLETE");
        var update = error(() -> cfn.updateStack(r -> r.stackName("rollback").templateBody(failing("rb2"))),
                "ValidationError", 400);
        assertThat(message(update)).isEqualTo("Stack:" + described.stackId() + " is in ROLLBACK_COMPLETE state and "
                + "can not be updated.");

        cfn.deleteStack(r -> r.stackName("rollback"));

        assertThat(cfn.describeStacks(r -> r.stackName(described.stackId())).stacks().get(0).stackStatus())
                .isEqualTo(StackStatus.DELETE_COMPLETE);
    }

    @Test
    void on_failure_delete_deletes_the_stack_after_its_rollback() {
        String id = cfn.createStack(r -> r.stackName("ondelete").templateBody(failing("od"))
                .onFailure(OnFailure.DELETE)).stackId();

        assertThat(cfn.describeStacks(r -> r.stackName(id)).stacks().get(0).stackStatus())
                .isEqualTo(StackStatus.DELETE_COMPLETE);
        assertThat(history(cfn, id)).endsWith("ondelete ROLLBACK_COMPLETE", "ondelete DELETE_IN_PROGRESS User Initiated",
                "ondelete DELETE_COMPLETE");
        assertThat(queueNames(stack)).doesNotContain("od-good");
    }

    @Test
    void disable_rollback_keeps_what_was_made_in_create_failed() {
        cfn.createStack(r -> r.stackName("keep").templateBody(failing("kp")).disableRollback(true));

        var described = cfn.describeStacks(r -> r.stackName("keep")).stacks().get(0);
        assertThat(described.stackStatus()).isEqualTo(StackStatus.CREATE_FAILED);
        assertThat(described.stackStatusReason()).isEqualTo("The following resource(s) failed to create: [Bad].");
        assertThat(described.disableRollback()).isTrue();
        assertThat(queueNames(stack)).contains("kp-good");

        cfn.deleteStack(r -> r.stackName("keep"));

        assertThat(queueNames(stack)).doesNotContain("kp-good");
    }

    @Test
    void a_named_resource_that_exists_already_fails_its_stack() {
        cfn.createStack(r -> r.stackName("first").templateBody(failing("dup").replace("99999", "30")));

        cfn.createStack(r -> r.stackName("second").templateBody(failing("dup").replace("99999", "30")));

        assertThat(history(cfn, "second")).contains("Good CREATE_FAILED Resource of type 'AWS::SQS::Queue' with "
                + "identifier '" + stack.queue("dup-good").url() + "' already exists.");
        assertThat(cfn.describeStacks(r -> r.stackName("second")).stacks().get(0).stackStatus())
                .isEqualTo(StackStatus.ROLLBACK_COMPLETE);
        assertThat(queueNames(stack)).contains("dup-good", "dup-bad");
        cfn.deleteStack(r -> r.stackName("first"));
    }

    @Test
    void an_export_name_another_stack_exports_fails_the_stack() {
        String exporting = """
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                Outputs:
                  Url:
                    Value: !Ref Queue
                    Export:
                      Name: shared-url
                """;
        cfn.createStack(r -> r.stackName("owner").templateBody(exporting));

        cfn.createStack(r -> r.stackName("copycat").templateBody(exporting));

        var copycat = cfn.describeStacks(r -> r.stackName("copycat")).stacks().get(0);
        assertThat(copycat.stackStatus()).isEqualTo(StackStatus.ROLLBACK_COMPLETE);
        assertThat(history(cfn, "copycat")).contains("copycat ROLLBACK_IN_PROGRESS Export with name shared-url is "
                + "already exported by stack owner. Rollback requested by user.");
        cfn.deleteStack(r -> r.stackName("owner"));
    }

    @Test
    void a_reference_to_nothing_is_a_template_format_error() {
        var error = error(() -> cfn.createStack(r -> r.stackName("dangling").templateBody("""
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      RedrivePolicy:
                        deadLetterTargetArn: !GetAtt Missing.Arn
                """)), "ValidationError", 400);

        assertThat(message(error)).isEqualTo("Template format error: Unresolved resource dependencies [Missing] in "
                + "the Resources block of the template");
    }
}
