package dev.simstack.junit.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.simstack.junit.Backend;
import dev.simstack.junit.Function;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.SqsEvent;
import dev.simstack.junit.Table;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Functions on remote backends: the handler on the test class path is packaged as a deployment zip, created with
 * CreateFunction and an execution role, its SQS event source mapped, and the function runs on the backend (the
 * stand-in runs uploaded Java packages), or through a bucket of the run when the package is above the direct upload
 * limit; the function, its mapping, its role and that bucket are deleted after the class, passed or failed.
 */
class RemoteFunctionsTest {

    @Test
    void a_message_sent_to_the_mapped_queue_runs_the_packaged_function_on_the_endpoint() {
        try (StandIn standIn = new StandIn()) {
            String[] printed = new String[1];

            EngineExecutionResults results = Kit.capturingErr(() -> Kit.run(standIn.asEndpoint(),
                    RecordsTheQueue.class), printed);

            Kit.assertPassed(results, 1);
            assertThat(printed[0]).contains("created [queue orders (us-east-1), table orders (us-east-1), function"
                    + " recorder (us-east-1), event source mapping orders -> recorder (us-east-1)]");
            assertThat(printed[0]).contains("deleted [event source mapping orders -> recorder (us-east-1), function"
                    + " recorder (us-east-1), table orders (us-east-1), queue orders (us-east-1)]");
            assertThat(standIn.resources()).isEmpty();
        }
    }

    @Test
    void the_function_and_its_mapping_are_deleted_after_a_failing_class_too() {
        try (StandIn standIn = new StandIn()) {
            EngineExecutionResults results = Kit.run(StandIn.leanPackages(standIn.asEndpoint()), FailsAfterSending.class);

            assertThat(Kit.failureMessages(results)).containsExactly("the class fails after sending");
            assertThat(standIn.resources()).isEmpty();
        }
    }

    @Test
    void on_aws_the_function_runs_with_a_role_of_the_run_and_its_environment_names_the_prefixed_table() {
        try (StandIn account = new StandIn()) {
            String[] printed = new String[1];

            EngineExecutionResults results = StandIn.withDefaultChain("eu-west-1", () -> Kit.capturingErr(
                    () -> Kit.run(StandIn.leanPackages(account.asAws()), RecordsOnAws.class), printed));

            assertThat(Kit.failureMessages(results)).containsExactly("a failing test on AWS");
            assertThat(printed[0]).containsPattern("created \\[queue simstack-([0-9a-z]{8})-orders \\(eu-west-1\\),"
                    + " table simstack-\\1-orders \\(eu-west-1\\), role simstack-\\1-lambda \\(global\\), function"
                    + " simstack-\\1-recorder \\(eu-west-1\\), event source mapping simstack-\\1-orders ->"
                    + " simstack-\\1-recorder \\(eu-west-1\\)\\], tagged simstack:run=\\1\n");
            assertThat(account.resources("eu-west-1")).isEmpty();
        }
    }

    @Test
    void a_package_above_the_direct_upload_limit_goes_through_a_bucket_of_the_run_deleted_after_the_class() {
        try (StandIn standIn = new StandIn(); StandIn failing = new StandIn()) {
            String[] printed = new String[1];

            EngineExecutionResults results = Kit.capturingErr(() -> Kit.run(throughS3(standIn),
                    RecordsTheQueue.class), printed);
            EngineExecutionResults failed = Kit.run(throughS3(failing), FailsAfterSending.class);

            Kit.assertPassed(results, 1);
            assertThat(printed[0]).containsPattern("table orders \\(us-east-1\\), bucket"
                    + " simstack-([0-9a-z]{8})-packages-us-east-1 \\(us-east-1\\), function recorder \\(us-east-1\\),"
                    + " event source mapping orders -> recorder \\(us-east-1\\)\\], tagged simstack:run=\\1\n");
            assertThat(standIn.requests("PutObject")).isEqualTo(1);
            assertThat(standIn.resources()).isEmpty();
            assertThat(Kit.failureMessages(failed)).containsExactly("the class fails after sending");
            assertThat(failing.requests("PutObject")).isEqualTo(1);
            assertThat(failing.resources()).isEmpty();
        }
    }

    /** The stand-in as the endpoint, with every package but the tiniest above the direct upload limit. */
    private static Map<String, String> throughS3(StandIn standIn) {
        Map<String, String> run = new HashMap<>(StandIn.leanPackages(standIn.asEndpoint()));
        run.put("simstack.functions.directUploadLimit", "1024");
        return run;
    }

    @Test
    void a_handler_not_on_the_class_path_fails_naming_it_and_leaves_nothing_behind() {
        try (StandIn standIn = new StandIn()) {
            EngineExecutionResults results = Kit.run(standIn.asEndpoint(), MissingHandler.class);

            assertThat(Kit.failureMessages(results)).containsExactly("@SimStack on MissingHandler could not create"
                    + " its resources on backend ENDPOINT " + standIn.endpoint() + ": the handler"
                    + " com.example.Missing of function 'lost' is not on the test class path, so it cannot be"
                    + " packaged for the backend");
            assertThat(standIn.resources()).isEmpty();
        }
    }

    private static void awaitItem(DynamoDbClient dynamo, String id) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(dynamo.getItem(b -> b
                .tableName("orders").key(Map.of("id", AttributeValue.fromS(id)))).hasItem()).isTrue());
    }

    @SimStack(backend = Backend.ENDPOINT, queues = @Queue(name = "orders"),
            tables = @Table(name = "orders", partitionKey = "id"),
            functions = @Function(name = "recorder", handler = RecordsOrders.class, environment = "TABLE=orders",
                    timeout = 30, sqsEvents = @SqsEvent(queue = "orders")))
    static class RecordsTheQueue {

        @Test
        void the_function_writes_each_message_as_an_item(SqsClient sqs, @QueueUrl("orders") String orders,
                DynamoDbClient dynamo, LambdaClient lambda) {
            FunctionConfiguration function = lambda.getFunction(b -> b.functionName("recorder")).configuration();
            assertThat(function.runtimeAsString()).isEqualTo(Runtime.version().feature() >= 21 ? "java21" : "java17");
            assertThat(function.handler()).isEqualTo(RecordsOrders.class.getName());
            assertThat(function.role()).isEqualTo("arn:aws:iam::000000000000:role/lambda-role");

            sqs.sendMessage(b -> b.queueUrl(orders).messageBody("o-1"));

            awaitItem(dynamo, "o-1");
        }
    }

    @SimStack(backend = Backend.ENDPOINT, queues = @Queue(name = "orders"),
            tables = @Table(name = "orders", partitionKey = "id"),
            functions = @Function(name = "recorder", handler = RecordsOrders.class, environment = "TABLE=orders",
                    sqsEvents = @SqsEvent(queue = "orders")))
    static class FailsAfterSending {

        @Test
        void sends(SqsClient sqs, @QueueUrl("orders") String orders) {
            sqs.sendMessage(b -> b.queueUrl(orders).messageBody("o-2"));
            throw new AssertionError("the class fails after sending");
        }
    }

    @SimStack(backend = Backend.AWS, queues = @Queue(name = "orders"),
            tables = @Table(name = "orders", partitionKey = "id"),
            functions = @Function(name = "recorder", handler = RecordsOrders.class, environment = "TABLE=orders",
                    timeout = 30, sqsEvents = @SqsEvent(queue = "orders")))
    static class RecordsOnAws {

        @Test
        void the_function_writes_to_the_prefixed_table(SqsClient sqs, @QueueUrl("orders") String orders,
                DynamoDbClient dynamo, LambdaClient lambda) {
            FunctionConfiguration function = lambda.getFunction(b -> b.functionName("recorder")).configuration();
            assertThat(function.functionName()).matches("simstack-[0-9a-z]{8}-recorder");
            assertThat(function.role()).matches("arn:aws:iam::\\d{12}:role/simstack-[0-9a-z]{8}-lambda");
            assertThat(function.environment().variables().get("TABLE")).matches("simstack-[0-9a-z]{8}-orders");

            sqs.sendMessage(b -> b.queueUrl(orders).messageBody("o-3"));

            awaitItem(dynamo, "o-3");
            throw new AssertionError("a failing test on AWS");
        }
    }

    @SimStack(backend = Backend.ENDPOINT, queues = @Queue(name = "orders"),
            functions = @Function(name = "lost", handlerMethod = "com.example.Missing::handle"))
    static class MissingHandler {

        @Test
        void test() {
        }
    }
}
