package dev.simstack.core.declarations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.AppliedResources.Resource;
import dev.simstack.core.BucketSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.TableSpec;
import dev.simstack.core.lambda.Handlers;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Declared resources are created in dependency order, whatever order they were declared in. */
class DeclarationOrderTest {

    /** Every dependency declared after what depends on it. */
    private static final StackConfig BACKWARDS = StackConfig.defaults()
            .withBucket(BucketSpec.named("receipts").notifyQueue("uploads", "s3:ObjectCreated:*")
                    .notifyFunction("worker", "s3:ObjectRemoved:*"))
            .withApi(ApiSpec.rest("shop").withRoute("POST /orders", ApiSpec.Integration.lambda("worker")))
            .withFunction(FunctionSpec.named("worker", Handlers.Echo.class))
            .withQueue(QueueSpec.named("orders").withDeadLetterQueue("orders-dlq", 3))
            .withQueue(QueueSpec.named("uploads"))
            .withQueue(QueueSpec.named("orders-dlq"))
            .withTable(TableSpec.named("orders").withPartitionKey("id"));

    @Test
    void a_stack_declared_backwards_starts_with_every_resource() {
        try (Stack stack = BACKWARDS.start();
             SqsClient sqs = Clients.sqs(stack, "us-east-1")) {
            String orders = sqs.getQueueUrl(b -> b.queueName("orders")).queueUrl();

            assertThat(sqs.getQueueAttributes(b -> b.queueUrl(orders).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                    .attributes().get(QueueAttributeName.REDRIVE_POLICY))
                    .contains("arn:aws:sqs:us-east-1:000000000000:orders-dlq");
        }
    }

    @Test
    void resources_are_reported_in_creation_order() {
        try (Stack stack = BACKWARDS.start()) {
            assertThat(stack.reset()).extracting(Resource::type, Resource::logicalId).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("AWS::DynamoDB::Table", "orders"),
                    org.assertj.core.groups.Tuple.tuple("AWS::S3::Bucket", "receipts"),
                    org.assertj.core.groups.Tuple.tuple("AWS::SQS::Queue", "uploads"),
                    org.assertj.core.groups.Tuple.tuple("AWS::SQS::Queue", "orders-dlq"),
                    org.assertj.core.groups.Tuple.tuple("AWS::SQS::Queue", "orders"),
                    org.assertj.core.groups.Tuple.tuple("AWS::Lambda::Function", "worker"),
                    org.assertj.core.groups.Tuple.tuple("AWS::ApiGateway::RestApi", "shop"));
        }
    }
}
