package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simstack.core.Stack;
import dev.simstack.junit.Api;
import dev.simstack.junit.ApiUrl;
import dev.simstack.junit.Bucket;
import dev.simstack.junit.Burst;
import dev.simstack.junit.BurstResult;
import dev.simstack.junit.Function;
import dev.simstack.junit.Queue;
import dev.simstack.junit.Route;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.SqsEvent;
import dev.simstack.junit.Table;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.util.VersionInfo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Issue 12's shape, as a user writes it in their own build. */
@SimStack(
    queues = {@Queue(name = "orders-dlq"),
              @Queue(name = "orders", deadLetterQueue = "orders-dlq", maxReceiveCount = 3)},
    tables = @Table(name = "orders", partitionKey = "id"),
    buckets = @Bucket(name = "receipts"),
    functions = @Function(name = "worker", handler = Worker.class,
                          sqsEvents = @SqsEvent(queue = "orders", batchSize = 10)),
    apis = @Api(name = "shop", routes = @Route(key = "POST /orders", queue = "orders"),
                rate = 100, burst = 50),
    clock = "manual", seed = 7)
class OrdersTest {
    @Test
    void storesAnOrder(Stack stack, SqsClient sqs, DynamoDbClient dynamo, @ApiUrl("shop") URI api) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(api + "/orders"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"42\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!dynamo.getItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("42")))).hasItem()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(stack.table("orders").item(Map.of("id", "42")).isPresent(), "the worker stored the order");
        assertEquals(2, sqs.listQueues().queueUrls().size());
    }

    @Test
    @Burst(api = "shop", route = "POST /orders", requests = 1000, over = "10m", body = "{\"id\":\"${n}\"}")
    void survivesTheBurst(BurstResult burst, Stack stack) {
        assertEquals(1000, burst.total());
        assertEquals(1000, burst.accepted() + burst.throttled());
    }

    @Test
    void the_sdk_on_the_class_path_is_the_one_the_build_asked_for() {
        // Each run of this example picks an SDK version (invoker.properties); this shows it took effect.
        assertEquals(System.getProperty("expected.aws.sdk.version"), VersionInfo.SDK_VERSION);
    }
}
