package dev.simstack.core.cloudformation;

import static dev.simstack.core.cloudformation.CloudFormationTestSupport.cloudFormation;
import static dev.simstack.core.AwsErrorChecks.error;
import static dev.simstack.core.AwsErrorChecks.message;
import static dev.simstack.core.cloudformation.CloudFormationTestSupport.queueNames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.StackResource;

/** A template's Conditions decide which resources and outputs a stack has, and which values its properties take. */
class CloudFormationConditionsTest {

    static final String CONDITIONAL = """
            Parameters:
              Env:
                Type: String
                Default: dev
              Audit:
                Type: String
                Default: 'no'
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
              Audited: !Equals [!Ref Audit, 'yes']
              ProdOrAudited: !Or [!Condition IsProd, !Condition Audited]
              DevAndUnaudited: !And [!Not [!Condition IsProd], !Not [!Condition Audited]]
            Resources:
              Orders:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Sub '${AWS::StackName}-orders'
                  VisibilityTimeout: !If [IsProd, 120, 30]
                  DelaySeconds: !If [DevAndUnaudited, 5, !Ref AWS::NoValue]
              AuditLog:
                Type: AWS::SQS::Queue
                Condition: ProdOrAudited
                Properties:
                  QueueName: !Sub '${AWS::StackName}-audit'
            Outputs:
              OrdersUrl:
                Value: !Ref Orders
              AuditUrl:
                Condition: ProdOrAudited
                Value: !Ref AuditLog
            """;

    static Stack stack;
    static CloudFormationClient cfn;

    @BeforeAll
    static void start() {
        stack = Stack.start(StackConfig.defaults().withSeed(23L));
        cfn = cloudFormation(stack);
    }

    @AfterAll
    static void stop() {
        cfn.close();
        stack.close();
    }

    private static void create(String name, String env, String audit) {
        cfn.createStack(r -> r.stackName(name).templateBody(CONDITIONAL).parameters(
                Parameter.builder().parameterKey("Env").parameterValue(env).build(),
                Parameter.builder().parameterKey("Audit").parameterValue(audit).build()));
    }

    private static Map<String, String> queueAttributes(String name) {
        try (var sqs = software.amazon.awssdk.services.sqs.SqsClient.builder().endpointOverride(stack.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(CloudFormationTestSupport.credentials()).build()) {
            String url = sqs.getQueueUrl(r -> r.queueName(name)).queueUrl();
            return sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("VisibilityTimeout",
                    "DelaySeconds")).attributesAsStrings();
        }
    }

    private static Map<String, String> outputs(String name) {
        return cfn.describeStacks(r -> r.stackName(name)).stacks().get(0).outputs().stream()
                .collect(Collectors.toMap(Output::outputKey, Output::outputValue));
    }

    @Test
    void a_false_condition_leaves_out_its_resource_and_output_and_if_takes_the_false_branch() {
        create("cond-dev", "dev", "no");

        assertThat(cfn.describeStackResources(r -> r.stackName("cond-dev")).stackResources())
                .extracting(StackResource::logicalResourceId).containsExactly("Orders");
        assertThat(outputs("cond-dev")).containsOnlyKeys("OrdersUrl");
        assertThat(queueNames(stack)).contains("cond-dev-orders").doesNotContain("cond-dev-audit");
        assertThat(queueAttributes("cond-dev-orders")).containsEntry("VisibilityTimeout", "30")
                .containsEntry("DelaySeconds", "5");
    }

    @Test
    void a_true_condition_makes_its_resource_and_no_value_removes_the_property() {
        create("cond-prod", "prod", "no");

        assertThat(cfn.describeStackResources(r -> r.stackName("cond-prod")).stackResources())
                .extracting(StackResource::logicalResourceId).containsExactlyInAnyOrder("Orders", "AuditLog");
        assertThat(outputs("cond-prod")).containsOnlyKeys("OrdersUrl", "AuditUrl");
        assertThat(queueAttributes("cond-prod-orders")).containsEntry("VisibilityTimeout", "120")
                .containsEntry("DelaySeconds", "0");
    }

    @Test
    void an_update_that_turns_a_condition_false_removes_its_resource() {
        create("cond-flip", "dev", "yes");
        assertThat(queueNames(stack)).contains("cond-flip-audit");

        cfn.updateStack(r -> r.stackName("cond-flip").usePreviousTemplate(true).parameters(
                Parameter.builder().parameterKey("Env").usePreviousValue(true).build(),
                Parameter.builder().parameterKey("Audit").parameterValue("no").build()));

        assertThat(queueNames(stack)).contains("cond-flip-orders").doesNotContain("cond-flip-audit");
        assertThat(cfn.describeStacks(r -> r.stackName("cond-flip")).stacks().get(0).stackStatusAsString())
                .isEqualTo("UPDATE_COMPLETE");
        String again = message(error(() -> cfn.updateStack(r -> r.stackName("cond-flip").usePreviousTemplate(true)
                .parameters(Parameter.builder().parameterKey("Env").usePreviousValue(true).build(),
                        Parameter.builder().parameterKey("Audit").usePreviousValue(true).build())),
                "ValidationError", 400));
        assertThat(again).isEqualTo("No updates are to be performed.");
    }

    @Test
    void an_undefined_condition_is_a_template_format_error() {
        String template = """
                Resources:
                  Orders:
                    Type: AWS::SQS::Queue
                    Condition: IsProd
                """;
        String error = message(error(() -> cfn.createStack(r -> r.stackName("cond-bad").templateBody(template)),
                "ValidationError", 400));

        assertThat(error).isEqualTo("Template format error: Unresolved dependencies [IsProd]. Cannot reference "
                + "resources in the Conditions block of the template");
    }

    @Test
    void a_condition_cannot_refer_to_a_resource() {
        String template = """
                Conditions:
                  HasOrders: !Equals [!Ref Orders, x]
                Resources:
                  Orders:
                    Type: AWS::SQS::Queue
                """;
        String error = message(error(() -> cfn.validateTemplate(r -> r.templateBody(template)),
                "ValidationError", 400));

        assertThat(error).isEqualTo("Template format error: Unresolved dependencies [Orders]. Cannot reference "
                + "resources in the Conditions block of the template");
    }

    @Test
    void an_undefined_condition_in_fn_if_is_a_template_error() {
        String template = """
                Resources:
                  Orders:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibilityTimeout: !If [IsProd, 120, 30]
                """;
        String error = message(error(() -> cfn.validateTemplate(r -> r.templateBody(template)),
                "ValidationError", 400));

        assertThat(error).isEqualTo("Template error: unresolved condition dependency IsProd in Fn::If");
    }
}
