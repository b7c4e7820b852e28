package dev.simstack.bench;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.BucketSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.TableSpec;
import dev.simstack.junit.Api;
import dev.simstack.junit.Bucket;
import dev.simstack.junit.Function;
import dev.simstack.junit.Queue;
import dev.simstack.junit.Reset;
import dev.simstack.junit.Route;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.SqsEvent;
import dev.simstack.junit.StackDefinition;
import dev.simstack.junit.Table;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The test classes {@link JunitOverhead} runs through the JUnit Platform: with and without {@code @SimStack},
 * one empty test per class (the per-class cost) or {@value #REPETITIONS} (the per-method cost).
 */
public final class OverheadFixtures {

    /** Test methods of a per-method class. */
    static final int REPETITIONS = 100;

    /** {@link Shop}'s declarations as a configuration: what a harness-less test would start. */
    static final StackConfig SHOP = new ShopDefinition().define(StackConfig.defaults());

    private OverheadFixtures() {
    }

    /** A queue, a table, a bucket, a function fed by the queue and an API route into it. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @SimStack(queues = @Queue(name = "orders"), tables = @Table(name = "orders", partitionKey = "id"),
            buckets = @Bucket(name = "receipts"),
            functions = @Function(name = "worker", handler = EmptyHandler.class,
                    sqsEvents = @SqsEvent(queue = "orders", batchSize = 10)),
            apis = @Api(name = "shop", routes = @Route(key = "POST /orders", queue = "orders")))
    @interface Shop {
    }

    /** {@link Shop}'s declarations in code, for the class that keeps its stack across methods. */
    public static final class ShopDefinition implements StackDefinition {
        @Override
        public StackConfig define(StackConfig base) {
            return base.withQueue(QueueSpec.named("orders"))
                    .withTable(TableSpec.named("orders").withPartitionKey("id"))
                    .withBucket(BucketSpec.named("receipts"))
                    .withFunction(FunctionSpec.named("worker", EmptyHandler.class).withSqsEvent("orders", 10))
                    .withApi(ApiSpec.rest("shop").withRoute("POST /orders", ApiSpec.Integration.sqs("orders")));
        }
    }

    /** JUnit's own cost of a class: no extension. */
    public static class PlainClass {
        @Test
        void method() {
        }
    }

    /** A stack, its three clients injected. */
    @Shop
    public static class StackClass {
        @Test
        void method(SqsClient sqs, DynamoDbClient dynamo, S3Client s3) {
        }
    }

    /** JUnit's own cost of a method. */
    public static class PlainMethods {
        @RepeatedTest(REPETITIONS)
        void method() {
        }
    }

    /** Reset, random restart and four parameters resolved before each method. */
    @Shop
    public static class StackMethods {
        @RepeatedTest(REPETITIONS)
        void method(Stack stack, SqsClient sqs, DynamoDbClient dynamo, S3Client s3) {
        }
    }

    /** The four parameters alone: the same stack, never reset. */
    @SimStack(definition = ShopDefinition.class, reset = Reset.NEVER)
    public static class NeverResetMethods {
        @RepeatedTest(REPETITIONS)
        void method(Stack stack, SqsClient sqs, DynamoDbClient dynamo, S3Client s3) {
        }
    }
}
