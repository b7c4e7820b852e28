package dev.simstack.core.accounts;

import static dev.simstack.core.accounts.AccountClients.BETA;
import static dev.simstack.core.accounts.AccountClients.ALPHA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.apigateway.ApiHandlers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sqs.SqsClient;

/** An account's API answers unsigned invocations with its own functions; a reset empties every account. */
class AccountLifecycleTest {

    @Test
    void an_unsigned_invocation_finds_the_api_in_its_account_and_its_integration_stays_there() throws Exception {
        try (Stack stack = StackConfig.defaults().withSeed(29).start();
                LambdaClient lambda = AccountClients.lambda(stack, BETA);
                ApiGatewayClient apis = ApiGatewayClient.builder().endpointOverride(stack.endpoint())
                        .region(Region.US_EAST_1).credentialsProvider(AccountClients.key(BETA))
                        .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            String function = lambda.createFunction(b -> b.functionName("echo").runtime(Runtime.JAVA21)
                    .handler(ApiHandlers.EventEcho.class.getName()).role("arn:aws:iam::222222222222:role/lambda")
                    .code(c -> c.zipFile(SdkBytes.fromUtf8String("the handler is on the test classpath"))))
                    .functionArn();
            String id = apis.createRestApi(b -> b.name("beta-api")).id();
            String root = apis.getResources(b -> b.restApiId(id)).items().get(0).id();
            String items = apis.createResource(b -> b.restApiId(id).parentId(root).pathPart("items")).id();
            apis.putMethod(b -> b.restApiId(id).resourceId(items).httpMethod("GET").authorizationType("NONE"));
            apis.putIntegration(b -> b.restApiId(id).resourceId(items).httpMethod("GET")
                    .type(IntegrationType.AWS_PROXY).integrationHttpMethod("POST")
                    .uri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + function + "/invocations"));
            apis.createDeployment(b -> b.restApiId(id).stageName("test"));

            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(stack.endpoint() + "/restapis/" + id + "/test/_user_request_/items")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"accountId\":\"222222222222\"");
        }
    }

    @Test
    void a_reset_empties_every_account() {
        try (Stack stack = StackConfig.defaults().withSeed(31).start();
                SqsClient alpha = AccountClients.sqs(stack, ALPHA); SqsClient beta = AccountClients.sqs(stack, BETA)) {
            alpha.createQueue(b -> b.queueName("jobs"));
            beta.createQueue(b -> b.queueName("jobs"));

            stack.reset();

            assertThat(alpha.listQueues().queueUrls()).isEmpty();
            assertThat(beta.listQueues().queueUrls()).isEmpty();
        }
    }
}
