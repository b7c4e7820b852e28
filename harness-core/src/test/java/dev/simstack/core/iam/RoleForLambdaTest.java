package dev.simstack.core.iam;

import static dev.simstack.core.iam.IamTestSupport.TRUST_LAMBDA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.lambda.Handlers;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** The execution role a deployment creates in IAM is the role its function is created with. */
class RoleForLambdaTest {

    @Test
    void create_function_takes_the_arn_of_a_role_created_in_iam() {
        try (Stack stack = StackConfig.defaults().withSeed(19).start(); IamClient iam = IamTestSupport.iam(stack);
                LambdaClient lambda = LambdaClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                        .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials
                                .create("AKIDTEST", "secret"))
                        .httpClientBuilder(ApacheHttpClient.builder())
                        .overrideConfiguration(ClientOverrideConfiguration.builder().build()).build()) {
            String roleArn = iam.createRole(b -> b.roleName("greeter-exec").path("/service-role/")
                    .assumeRolePolicyDocument(TRUST_LAMBDA)).role().arn();
            iam.attachRolePolicy(b -> b.roleName("greeter-exec")
                    .policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));

            String answered = lambda.createFunction(b -> b.functionName("greeter").runtime(Runtime.JAVA21)
                    .handler(Handlers.Greeter.class.getName() + "::greet").role(roleArn)
                    .code(c -> c.zipFile(SdkBytes.fromUtf8String("the handler is on the test class path")))).role();

            assertThat(answered).isEqualTo("arn:aws:iam::000000000000:role/service-role/greeter-exec");
            assertThat(lambda.getFunction(b -> b.functionName("greeter")).configuration().role()).isEqualTo(roleArn);
            assertThat(lambda.invoke(b -> b.functionName("greeter").payload(SdkBytes.fromUtf8String("{\"name\":\"iam\"}")))
                    .payload().asUtf8String()).isEqualTo("\"hello iam\"");
        }
    }
}
