package dev.simstack.core.accounts;

import static dev.simstack.core.accounts.AccountClients.ALPHA;
import static dev.simstack.core.accounts.AccountClients.BETA;
import static dev.simstack.core.AwsErrorChecks.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.lambda.Handlers;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sts.StsClient;

/** Two accounts in one stack, selected by twelve-digit access key ids: same names, separate resources. */
class AccountIsolationTest {

    private static Stack stack;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(17).start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void the_same_queue_name_in_two_accounts_is_two_queues_whose_urls_and_arns_carry_the_account() {
        try (SqsClient alpha = AccountClients.sqs(stack, ALPHA); SqsClient beta = AccountClients.sqs(stack, BETA)) {
            String alphaUrl = alpha.createQueue(b -> b.queueName("orders")).queueUrl();
            String betaUrl = beta.createQueue(b -> b.queueName("orders")).queueUrl();
            alpha.sendMessage(b -> b.queueUrl(alphaUrl).messageBody("for alpha"));

            assertThat(alphaUrl).endsWith("/111111111111/orders");
            assertThat(betaUrl).endsWith("/222222222222/orders");
            assertThat(alpha.getQueueAttributes(b -> b.queueUrl(alphaUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes()).containsEntry(QueueAttributeName.QUEUE_ARN, "arn:aws:sqs:us-east-1:111111111111:orders");
            assertThat(beta.receiveMessage(b -> b.queueUrl(betaUrl)).messages()).isEmpty();
            assertThat(alpha.receiveMessage(b -> b.queueUrl(alphaUrl)).messages()).singleElement()
                    .satisfies(message -> assertThat(message.body()).isEqualTo("for alpha"));
            assertThat(beta.listQueues().queueUrls()).containsExactly(betaUrl);
        }
    }

    @Test
    void the_same_table_name_in_two_accounts_holds_separate_items() {
        try (DynamoDbClient alpha = AccountClients.dynamo(stack, ALPHA);
                DynamoDbClient beta = AccountClients.dynamo(stack, BETA)) {
            String alphaArn = createTable(alpha, "carts");
            String betaArn = createTable(beta, "carts");
            alpha.putItem(b -> b.tableName("carts").item(Map.of("id", AttributeValue.fromS("c-1"))));

            assertThat(alphaArn).isEqualTo("arn:aws:dynamodb:us-east-1:111111111111:table/carts");
            assertThat(betaArn).isEqualTo("arn:aws:dynamodb:us-east-1:222222222222:table/carts");
            assertThat(beta.getItem(b -> b.tableName("carts").key(Map.of("id", AttributeValue.fromS("c-1"))))
                    .hasItem()).isFalse();
            assertThat(alpha.getItem(b -> b.tableName("carts").key(Map.of("id", AttributeValue.fromS("c-1"))))
                    .hasItem()).isTrue();
        }
    }

    @Test
    void a_function_acts_in_its_own_account_and_is_unknown_in_another() {
        try (LambdaClient alpha = AccountClients.lambda(stack, ALPHA);
                LambdaClient beta = AccountClients.lambda(stack, BETA)) {
            String arn = alpha.createFunction(b -> b.functionName("inspector").runtime(Runtime.JAVA21)
                    .handler(Handlers.ContextHandler.class.getName()).role("arn:aws:iam::111111111111:role/lambda")
                    .code(c -> c.zipFile(SdkBytes.fromUtf8String("the handler is on the test classpath"))))
                    .functionArn();
            InvokeResponse invoked = alpha.invoke(b -> b.functionName("inspector")
                    .payload(SdkBytes.fromUtf8String("{}")));

            assertThat(arn).isEqualTo("arn:aws:lambda:us-east-1:111111111111:function:inspector");
            // The handler's own SDK clients sign with its account's key, so they act in its account.
            assertThat(invoked.payload().asUtf8String()).contains("\"accessKey\":\"111111111111\"")
                    .contains("\"arn\":\"" + arn + "\"");
            assertThat(error(() -> beta.invoke(b -> b.functionName("inspector")), "ResourceNotFoundException", 404)
                    .awsErrorDetails().errorMessage())
                    .isEqualTo("Function not found: arn:aws:lambda:us-east-1:222222222222:function:inspector");
        }
    }

    @Test
    void get_caller_identity_answers_the_account_of_a_twelve_digit_key() {
        try (StsClient alpha = AccountClients.sts(stack, ALPHA)) {
            assertThat(alpha.getCallerIdentity().account()).isEqualTo(ALPHA);
            assertThat(alpha.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::111111111111:root");
        }
    }

    @Test
    void keys_that_are_not_twelve_digits_act_in_the_default_account_which_the_handles_address() {
        try (SqsClient other = AccountClients.sqs(stack, "test"); StsClient sts = AccountClients.sts(stack, "AKIDTEST")) {
            String url = other.createQueue(b -> b.queueName("defaults")).queueUrl();

            assertThat(url).endsWith("/000000000000/defaults");
            assertThat(stack.queue("defaults").url()).isEqualTo(url);
            assertThat(sts.getCallerIdentity().account()).isEqualTo("000000000000");
        }
    }

    private static String createTable(DynamoDbClient client, String name) {
        return client.createTable(b -> b.tableName(name)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode("PAY_PER_REQUEST")).tableDescription().tableArn();
    }
}
