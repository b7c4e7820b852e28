package dev.simstack.core.cloudformation;

import static dev.simstack.core.cloudformation.CloudFormationTestSupport.cloudFormation;
import static dev.simstack.core.AwsErrorChecks.error;
import static dev.simstack.core.cloudformation.CloudFormationTestSupport.history;
import static dev.simstack.core.AwsErrorChecks.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.cloudformation.model.ValidateTemplateResponse;

/** Stacks through CloudFormation's API: made, described, listed and deleted as AWS answers. */
class CloudFormationStackTest {

    static final String QUEUE_AND_TABLE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Description: orders and their queue
            Parameters:
              Prefix:
                Type: String
              Retention:
                Type: Number
                Default: 600
            Resources:
              Dlq:
                Type: AWS::SQS::Queue
              Orders:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Sub '${Prefix}-orders'
                  MessageRetentionPeriod: !Ref Retention
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt Dlq.Arn
                    maxReceiveCount: 3
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
            Outputs:
              QueueUrl:
                Description: where orders go
                Value: !Ref Orders
                Export:
                  Name: !Sub '${AWS::StackName}-queue'
              TableName:
                Value: !Ref Table
            """;

    static Stack stack;
    static CloudFormationClient cfn;

    @BeforeAll
    static void start() {
        stack = Stack.start(StackConfig.defaults().withSeed(7L)
                .withClock(ClockSpec.manual(Instant.parse("2026-03-01T10:00:00Z"))));
        cfn = cloudFormation(stack);
    }

    @AfterAll
    static void stop() {
        cfn.close();
        stack.close();
    }

    private static String create(String name, String prefix) {
        return cfn.createStack(r -> r.stackName(name).templateBody(QUEUE_AND_TABLE)
                .parameters(Parameter.builder().parameterKey("Prefix").parameterValue(prefix).build())
                .tags(t -> t.key("team").value("shop"))).stackId();
    }

    @Test
    void create_stack_makes_its_resources_and_describes_status_parameters_and_outputs() {
        String id = create("shop", "shop");

        assertThat(id).matches("arn:aws:cloudformation:us-east-1:000000000000:stack/shop/[0-9a-f-]{36}");
        var described = cfn.describeStacks(r -> r.stackName("shop")).stacks().get(0);
        assertThat(described.stackStatus()).isEqualTo(StackStatus.CREATE_COMPLETE);
        assertThat(described.stackId()).isEqualTo(id);
        assertThat(described.description()).isEqualTo("orders and their queue");
        assertThat(described.creationTime()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(described.parameters().stream().collect(Collectors.toMap(Parameter::parameterKey,
                Parameter::parameterValue))).isEqualTo(Map.of("Prefix", "shop", "Retention", "600"));
        assertThat(described.tags()).singleElement().satisfies(tag -> assertThat(tag.key()).isEqualTo("team"));
        Output queueUrl = described.outputs().stream().filter(o -> o.outputKey().equals("QueueUrl")).findFirst()
                .orElseThrow();
        assertThat(queueUrl.outputValue()).isEqualTo(stack.queue("shop-orders").url());
        assertThat(queueUrl.exportName()).isEqualTo("shop-queue");
        assertThat(queueUrl.description()).isEqualTo("where orders go");

        Map<String, StackResource> resources = cfn.describeStackResources(r -> r.stackName("shop")).stackResources()
                .stream().collect(Collectors.toMap(StackResource::logicalResourceId, r -> r));
        assertThat(resources.get("Orders").physicalResourceId()).isEqualTo(stack.queue("shop-orders").url());
        assertThat(resources.get("Orders").resourceStatusAsString()).isEqualTo("CREATE_COMPLETE");
        assertThat(resources.get("Table").physicalResourceId()).startsWith("shop-Table-");
        assertThat(resources.get("Table").resourceType()).isEqualTo("AWS::DynamoDB::Table");
        assertThat(stack.table(resources.get("Table").physicalResourceId())).isNotNull();
        assertThat(cfn.describeStackResource(r -> r.stackName("shop").logicalResourceId("Dlq"))
                .stackResourceDetail().physicalResourceId()).startsWith("http").contains("shop-Dlq-");
        assertThat(cfn.listStackResources(r -> r.stackName("shop")).stackResourceSummaries())
                .extracting(s -> s.logicalResourceId()).containsExactly("Dlq", "Orders", "Table");
        cfn.deleteStack(r -> r.stackName("shop"));
    }

    @Test
    void stack_events_follow_aws_sequence_newest_first() {
        create("events", "events");

        assertThat(history(cfn, "events")).containsExactly(
                "events CREATE_IN_PROGRESS User Initiated",
                "Dlq CREATE_IN_PROGRESS",
                "Dlq CREATE_IN_PROGRESS Resource creation Initiated",
                "Dlq CREATE_COMPLETE",
                "Orders CREATE_IN_PROGRESS",
                "Orders CREATE_IN_PROGRESS Resource creation Initiated",
                "Orders CREATE_COMPLETE",
                "Table CREATE_IN_PROGRESS",
                "Table CREATE_IN_PROGRESS Resource creation Initiated",
                "Table CREATE_COMPLETE",
                "events CREATE_COMPLETE");
        var newest = cfn.describeStackEvents(r -> r.stackName("events")).stackEvents().get(0);
        assertThat(newest.resourceType()).isEqualTo("AWS::CloudFormation::Stack");
        assertThat(newest.physicalResourceId()).isEqualTo(newest.stackId());
        cfn.deleteStack(r -> r.stackName("events"));
    }

    @Test
    void delete_stack_deletes_its_resources_and_lists_it_as_delete_complete() {
        String id = create("gone", "gone");
        String table = cfn.describeStackResource(r -> r.stackName("gone").logicalResourceId("Table"))
                .stackResourceDetail().physicalResourceId();

        cfn.deleteStack(r -> r.stackName("gone"));

        assertThat(CloudFormationTestSupport.queueNames(stack)).doesNotContain("gone-orders");
        assertThat(CloudFormationTestSupport.tableNames(stack)).doesNotContain(table);
        assertThat(history(cfn, id)).endsWith("gone DELETE_IN_PROGRESS User Initiated",
                "Table DELETE_IN_PROGRESS", "Table DELETE_COMPLETE", "Orders DELETE_IN_PROGRESS",
                "Orders DELETE_COMPLETE", "Dlq DELETE_IN_PROGRESS", "Dlq DELETE_COMPLETE", "gone DELETE_COMPLETE");
        var error = error(() -> cfn.describeStacks(r -> r.stackName("gone")), "ValidationError", 400);
        assertThat(message(error)).isEqualTo("Stack with id gone does not exist");
        assertThat(cfn.describeStacks(r -> r.stackName(id)).stacks().get(0).stackStatus())
                .isEqualTo(StackStatus.DELETE_COMPLETE);
        assertThat(cfn.listStacks(r -> r.stackStatusFilters(StackStatus.DELETE_COMPLETE)).stackSummaries())
                .anySatisfy(summary -> assertThat(summary.stackId()).isEqualTo(id));
        assertThat(cfn.listStacks(r -> r.stackStatusFilters(StackStatus.CREATE_COMPLETE)).stackSummaries())
                .noneSatisfy(summary -> assertThat(summary.stackId()).isEqualTo(id));
    }

    @Test
    void a_second_stack_of_the_same_name_is_already_exists() {
        create("twice", "twice");

        var error = error(() -> create("twice", "twice2"), "AlreadyExistsException", 400);

        assertThat(message(error)).isEqualTo("Stack [twice] already exists");
        cfn.deleteStack(r -> r.stackName("twice"));
    }

    @Test
    void missing_and_unknown_parameters_are_validation_errors() {
        var missing = error(() -> cfn.createStack(r -> r.stackName("noparams").templateBody(QUEUE_AND_TABLE)),
                "ValidationError", 400);
        assertThat(message(missing)).isEqualTo("Parameters: [Prefix] must have values");
        var unknown = error(() -> cfn.createStack(r -> r.stackName("noparams").templateBody(QUEUE_AND_TABLE)
                .parameters(p -> p.parameterKey("Prefix").parameterValue("x"),
                        p -> p.parameterKey("Colour").parameterValue("red"))), "ValidationError", 400);
        assertThat(message(unknown)).isEqualTo("Parameters: [Colour] do not exist in the template");
    }

    @Test
    void template_format_errors_say_what_is_wrong() {
        assertThat(message(error(() -> cfn.createStack(r -> r.stackName("bad").templateBody("{\"Resources\": {}}")),
                "ValidationError", 400))).isEqualTo("Template format error: At least one Resources member must be "
                + "defined.");
        assertThat(message(error(() -> cfn.validateTemplate(r -> r.templateBody(
                "Resources:\n  Thing:\n    Type: Made::Up\n")), "ValidationError", 400)))
                .isEqualTo("Template format error: Unrecognized resource types: [Made::Up]");
        assertThat(message(error(() -> cfn.validateTemplate(r -> r.templateBody("{\"Resources\": ")),
                "ValidationError", 400))).startsWith("Template format error: JSON not well-formed. (line 1,");
    }

    @Test
    void iam_resources_need_their_capability() {
        String template = """
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument: {}
                """;
        var error = error(() -> cfn.createStack(r -> r.stackName("iam").templateBody(template)),
                "InsufficientCapabilitiesException", 400);
        assertThat(message(error)).isEqualTo("Requires capabilities : [CAPABILITY_IAM]");
        String named = template + "      RoleName: worker\n";
        assertThat(message(error(() -> cfn.createStack(r -> r.stackName("iam").templateBody(named)
                .capabilities(Capability.CAPABILITY_IAM)), "InsufficientCapabilitiesException", 400)))
                .isEqualTo("Requires capabilities : [CAPABILITY_NAMED_IAM]");

        cfn.createStack(r -> r.stackName("iam").templateBody(template).capabilities(Capability.CAPABILITY_IAM));

        assertThat(cfn.describeStacks(r -> r.stackName("iam")).stacks().get(0).capabilities())
                .containsExactly(Capability.CAPABILITY_IAM);
        cfn.deleteStack(r -> r.stackName("iam"));
    }

    @Test
    void validate_template_answers_parameters_description_and_capabilities() {
        ValidateTemplateResponse validated = cfn.validateTemplate(r -> r.templateBody(QUEUE_AND_TABLE));
        ValidateTemplateResponse withRole = cfn.validateTemplate(r -> r.templateBody(
                "Resources:\n  Role:\n    Type: AWS::IAM::Role\n"));

        assertThat(withRole.capabilities()).containsExactly(Capability.CAPABILITY_IAM);
        assertThat(withRole.capabilitiesReason()).isEqualTo("The following resource(s) require capabilities: "
                + "[AWS::IAM::Role]");
        assertThat(validated.description()).isEqualTo("orders and their queue");
        assertThat(validated.parameters()).extracting(p -> p.parameterKey() + "=" + p.defaultValue())
                .containsExactly("Prefix=null", "Retention=600");
        assertThat(validated.capabilities()).isEmpty();
    }

    @Test
    void get_template_summary_of_a_stack_answers_its_parameters_and_resource_types() {
        create("summary", "summary");

        var summary = cfn.getTemplateSummary(r -> r.stackName("summary"));

        assertThat(summary.parameters()).extracting(p -> p.parameterKey() + ":" + p.parameterType())
                .containsExactly("Prefix:String", "Retention:Number");
        assertThat(summary.resourceTypes()).containsExactly("AWS::SQS::Queue", "AWS::DynamoDB::Table");
        assertThat(summary.description()).isEqualTo("orders and their queue");
        cfn.deleteStack(r -> r.stackName("summary"));
    }

    @Test
    void get_template_answers_the_body_as_given() {
        create("body", "body");

        assertThat(cfn.getTemplate(r -> r.stackName("body")).templateBody()).isEqualTo(QUEUE_AND_TABLE);
        cfn.deleteStack(r -> r.stackName("body"));
    }

    @Test
    void template_url_reads_the_template_from_our_s3() {
        try (var s3 = software.amazon.awssdk.services.s3.S3Client.builder().endpointOverride(stack.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDTEST", "secret")))
                .build()) {
            s3.createBucket(r -> r.bucket("templates"));
            s3.putObject(r -> r.bucket("templates").key("shop.yaml"), RequestBody.fromString(QUEUE_AND_TABLE));
        }

        cfn.createStack(r -> r.stackName("fromurl").templateURL(stack.endpoint() + "/templates/shop.yaml")
                .parameters(p -> p.parameterKey("Prefix").parameterValue("url")));

        assertThat(cfn.describeStacks(r -> r.stackName("fromurl")).stacks().get(0).stackStatus())
                .isEqualTo(StackStatus.CREATE_COMPLETE);
        cfn.deleteStack(r -> r.stackName("fromurl"));
    }

    @Test
    void exports_are_listed_and_imported_by_other_stacks_which_keep_them_from_deletion() {
        create("exporter", "exp");
        String importer = """
                Resources:
                  Mirror:
                    Type: AWS::SQS::Queue
                    Properties:
                      Tags:
                        - Key: source
                          Value: !ImportValue exporter-queue
                Outputs:
                  Source:
                    Value: !ImportValue exporter-queue
                """;

        cfn.createStack(r -> r.stackName("importer").templateBody(importer));

        assertThat(cfn.listExports(r -> { }).exports()).anySatisfy(export -> {
            assertThat(export.name()).isEqualTo("exporter-queue");
            assertThat(export.value()).isEqualTo(stack.queue("exp-orders").url());
        });
        assertThat(cfn.describeStacks(r -> r.stackName("importer")).stacks().get(0).outputs().get(0).outputValue())
                .isEqualTo(stack.queue("exp-orders").url());
        var inUse = error(() -> cfn.deleteStack(r -> r.stackName("exporter")), "ValidationError", 400);
        assertThat(message(inUse)).isEqualTo("Export exporter-queue cannot be deleted as it is in use by importer");
        cfn.deleteStack(r -> r.stackName("importer"));
        cfn.deleteStack(r -> r.stackName("exporter"));
        assertThat(cfn.listExports(r -> { }).exports()).noneSatisfy(export ->
                assertThat(export.name()).isEqualTo("exporter-queue"));
    }
}
