package dev.simstack.junit.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The shape issue 12 gives, as written: it must compile and pass. */
// docs:shape-start
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
        assertThat(answer.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(dynamo.getItem(b -> b
                .tableName("orders").key(Map.of("id", AttributeValue.fromS("42")))).item()).containsKey("body"));
        assertThat(sqs.listQueues().queueUrls()).hasSize(2);
    }

    @Test
    @Burst(api = "shop", route = "POST /orders", requests = 1000, over = "10m", body = "{\"id\":\"${n}\"}")
    void survivesTheBurst(BurstResult burst, Stack stack) {
        assertThat(burst.total()).isEqualTo(1000);
        assertThat(burst.accepted() + burst.throttled()).isEqualTo(1000);
    }
}
// docs:shape-end
