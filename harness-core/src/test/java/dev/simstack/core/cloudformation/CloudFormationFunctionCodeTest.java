package dev.simstack.core.cloudformation;

import static dev.simstack.core.cloudformation.CloudFormationTestSupport.cloudFormation;
import static dev.simstack.core.cloudformation.CloudFormationTestSupport.credentials;
import static dev.simstack.core.cloudformation.CloudFormationTestSupport.history;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.lambda.code.CodePackages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Functions' packages from our S3 (LZ1), and updates in place of queues and functions. */
class CloudFormationFunctionCodeTest {

    private static final String GREETER = """
            package example;
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            public class Greeter implements RequestHandler<String, String> {
                public String handleRequest(String name, Context context) { return "%s " + name; }
            }
            """;

    @TempDir
    static Path work;
    static Stack stack;
    static CloudFormationClient cfn;
    static LambdaClient lambda;

    @BeforeAll
    static void start() {
        stack = Stack.start(StackConfig.defaults().withSeed(17L));
        cfn = cloudFormation(stack);
        lambda = LambdaClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).build();
        CodePackages packages = new CodePackages(work);
        try (S3Client s3 = S3Client.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(credentials()).build()) {
            s3.createBucket(r -> r.bucket("artifacts"));
            for (String word : new String[] {"hello", "bonjour"}) {
                byte[] jar = CodePackages.zip(packages.compile(Map.of("example.Greeter", GREETER.formatted(word))));
                s3.putObject(r -> r.bucket("artifacts").key(word + ".jar"), RequestBody.fromBytes(jar));
            }
        }
    }

    @AfterAll
    static void stop() {
        lambda.close();
        cfn.close();
        stack.close();
    }

    private static String invoke(String function) {
        return lambda.invoke(r -> r.functionName(function).payload(SdkBytes.fromUtf8String("\"Ada\"")))
                .payload().asString(StandardCharsets.UTF_8);
    }

    @Test
    void a_lambda_function_runs_its_package_from_s3_and_an_update_changes_its_code_in_place() {
        String template = """
                Resources:
                  Greeter:
                    Type: AWS::Lambda::Function
                    Properties:
                      FunctionName: greeter
                      Runtime: java17
                      Handler: example.Greeter::handleRequest
                      Role: arn:aws:iam::000000000000:role/greeter
                      Code:
                        S3Bucket: artifacts
                        S3Key: %s.jar
                """;
        cfn.createStack(r -> r.stackName("greeting").templateBody(template.formatted("hello")));
        assertThat(invoke("greeter")).isEqualTo("\"hello Ada\"");

        cfn.updateStack(r -> r.stackName("greeting").templateBody(template.formatted("bonjour")));

        assertThat(invoke("greeter")).isEqualTo("\"bonjour Ada\"");
        assertThat(cfn.describeStacks(r -> r.stackName("greeting")).stacks().get(0).stackStatus())
                .isEqualTo(StackStatus.UPDATE_COMPLETE);
        assertThat(history(cfn, "greeting")).endsWith("greeting UPDATE_IN_PROGRESS User Initiated",
                "Greeter UPDATE_IN_PROGRESS", "Greeter UPDATE_COMPLETE",
                "greeting UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", "greeting UPDATE_COMPLETE");
        cfn.deleteStack(r -> r.stackName("greeting"));
    }

    @Test
    void a_sam_function_runs_its_code_uri_from_s3() {
        cfn.createStack(r -> r.stackName("sam").capabilities(Capability.CAPABILITY_IAM,
                Capability.CAPABILITY_AUTO_EXPAND).templateBody("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: sam-greeter
                      Runtime: java17
                      Handler: example.Greeter::handleRequest
                      CodeUri: s3://artifacts/bonjour.jar
                """));

        assertThat(invoke("sam-greeter")).isEqualTo("\"bonjour Ada\"");
        assertThat(cfn.describeStackResource(r -> r.stackName("sam").logicalResourceId("Hello"))
                .stackResourceDetail().resourceType()).isEqualTo("AWS::Lambda::Function");
        cfn.deleteStack(r -> r.stackName("sam"));
    }

    @Test
    void a_queue_whose_name_stays_is_updated_in_place() {
        String template = """
                Resources:
                  Work:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibilityTimeout: %d
                """;
        cfn.createStack(r -> r.stackName("tuned").templateBody(template.formatted(30)));
        String url = cfn.describeStackResource(r -> r.stackName("tuned").logicalResourceId("Work"))
                .stackResourceDetail().physicalResourceId();

        cfn.updateStack(r -> r.stackName("tuned").templateBody(template.formatted(120)));

        assertThat(cfn.describeStackResource(r -> r.stackName("tuned").logicalResourceId("Work"))
                .stackResourceDetail().physicalResourceId()).isEqualTo(url);
        try (SqsClient sqs = SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).build()) {
            assertThat(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT))
                    .attributes()).containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "120");
        }
        cfn.deleteStack(r -> r.stackName("tuned"));
    }
}
