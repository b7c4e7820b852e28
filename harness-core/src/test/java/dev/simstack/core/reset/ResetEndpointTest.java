package dev.simstack.core.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code POST /_simstack/reset} and LocalStack's {@code POST /_localstack/state/reset} and
 * {@code POST /_localstack/state/<service>/reset}, as CI scripts call them with curl.
 */
class ResetEndpointTest {

    @Test
    void post_simstack_reset_empties_the_stack_and_answers_what_it_did() {
        try (Stack stack = StackConfig.defaults().start(); SqsClient sqs = ResetClients.sqs(stack);
                DynamoDbClient dynamo = ResetClients.dynamo(stack)) {
            sqs.createQueue(b -> b.queueName("work"));
            StackResetTest.createTable(dynamo, "orders");

            HttpResponse<String> answer = ResetClients.http(stack, "POST", "/_simstack/reset");

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("application/json"));
            assertThat(answer.body()).isEqualTo("{\"reset\":true,\"services\":[\"sqs\",\"dynamodb\",\"s3\",\"lambda\","
                    + "\"apigateway\",\"iam\",\"sts\",\"cloudformation\"],\"recreated\":[]}");
            assertThat(stack.ledger().size()).as("the ledger was cleared").isZero();
            assertThat(sqs.listQueues().queueUrls()).isEmpty();
            assertThat(dynamo.listTables().tableNames()).isEmpty();
        }
    }

    @Test
    void localstack_reset_path_works_as_in_localstack_ci_scripts() {
        try (Stack stack = StackConfig.defaults().start(); SqsClient sqs = ResetClients.sqs(stack)) {
            sqs.createQueue(b -> b.queueName("work"));

            HttpResponse<String> answer = ResetClients.http(stack, "POST", "/_localstack/state/reset");

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).startsWith("{\"reset\":true,");
            assertThat(sqs.listQueues().queueUrls()).isEmpty();
        }
    }

    @Test
    void a_per_service_reset_empties_that_service_only_and_keeps_the_ledger() {
        try (Stack stack = StackConfig.defaults().start(); SqsClient sqs = ResetClients.sqs(stack);
                DynamoDbClient dynamo = ResetClients.dynamo(stack)) {
            sqs.createQueue(b -> b.queueName("work"));
            StackResetTest.createTable(dynamo, "orders");
            int entries = stack.ledger().size();

            HttpResponse<String> answer = ResetClients.http(stack, "POST", "/_localstack/state/sqs/reset");

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"reset\":true,\"services\":[\"sqs\"],\"recreated\":[]}");
            assertThat(sqs.listQueues().queueUrls()).isEmpty();
            assertThat(dynamo.listTables().tableNames()).containsExactly("orders");
            assertThat(stack.ledger().size()).isGreaterThanOrEqualTo(entries);
        }
    }

    @Test
    void other_methods_are_refused_with_405_and_told_to_post() {
        try (Stack stack = StackConfig.defaults().start(); SqsClient sqs = ResetClients.sqs(stack)) {
            sqs.createQueue(b -> b.queueName("work"));

            for (String path : List.of("/_simstack/reset", "/_localstack/state/reset", "/_localstack/state/s3/reset")) {
                for (String method : List.of("GET", "PUT", "DELETE")) {
                    HttpResponse<String> answer = ResetClients.http(stack, method, path);
                    assertThat(answer.statusCode()).as(method + " " + path).isEqualTo(405);
                    assertThat(answer.headers().firstValue("Allow")).hasValue("POST");
                    assertThat(answer.body()).contains("\"error\":\"MethodNotAllowed\"")
                            .contains(method + " " + path + " is not allowed")
                            .contains("curl -X POST http://" + stack.endpoint().getAuthority() + path);
                }
            }
            assertThat(sqs.listQueues().queueUrls()).as("nothing was reset").hasSize(1);
        }
    }

    @Test
    void a_service_the_stack_does_not_have_is_named_in_a_404() {
        try (Stack stack = StackConfig.defaults().start()) {
            HttpResponse<String> answer = ResetClients.http(stack, "POST", "/_localstack/state/kinesis/reset");

            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.body()).contains("\"error\":\"UnknownService\"")
                    .contains("SimStack has no service 'kinesis' to reset; it resets sqs, dynamodb, s3, lambda, apigateway, iam, sts");
        }
    }

    @Test
    void the_answer_lists_what_the_reset_listeners_created_again(@TempDir Path dir) throws Exception {
        Path init = Files.writeString(dir.resolve("init.yaml"), "queues: [from-file]\n");
        try (Stack stack = StackConfig.defaults().start(); SqsClient sqs = ResetClients.sqs(stack)) {
            stack.onReset(reset -> List.of(reset.apply(init)));

            HttpResponse<String> answer = ResetClients.http(stack, "POST", "/_simstack/reset");

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"recreated\":[{\"type\":\"AWS::SQS::Queue\",\"name\":\"from-file\","
                    + "\"region\":\"us-east-1\",\"id\":\"" + stack.queue("from-file").url()
                    + "\",\"outcome\":\"created\"}]");
            assertThat(sqs.listQueues().queueUrls()).hasSize(1);
        }
    }
}
