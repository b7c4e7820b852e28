package dev.simstack.core.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.ApiSpec.Integration;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * 1,000 requests into an API, straight into a queue, consumed by a function (batch 10, at most 5
 * concurrent) that writes DynamoDB: every request is accounted for, stored once or throttled with 429.
 */
class ApiToQueueToLambdaTest {

    private static final int REQUESTS = 1_000;

    @Test
    void every_request_is_stored_or_throttled_and_nothing_is_lost() throws Exception {
        try (Stack stack = StackConfig.defaults().withSeed(1)
                .withQueue(QueueSpec.named("orders").withAttribute("VisibilityTimeout", "30"))
                .withFunction(FunctionSpec.named("store-orders", OrderStoreHandler.class)
                        .withTimeout(Duration.ofSeconds(30)).withEnvironment("TABLE", "orders"))
                // a burst of 100 then 200 rps: a fast client is throttled for part of the run
                .withApi(ApiSpec.rest("ingest").withThrottle(200, 100)
                        .withRoute("POST /orders", Integration.sqs("orders")))
                .start();
                DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(stack.endpoint())
                        .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("test", "test")))
                        .httpClientBuilder(ApacheHttpClient.builder()).build();
                LambdaClient lambda = dev.simstack.core.lambda.LambdaClients.of(stack)) {
            dynamo.createTable(b -> b.tableName("orders")
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .billingMode("PAY_PER_REQUEST"));
            lambda.createEventSourceMapping(b -> b.functionName("store-orders")
                    .eventSourceArn(stack.queue("orders").arn()).batchSize(10)
                    .scalingConfig(s -> s.maximumConcurrency(5)));

            long started = System.nanoTime();
            List<HttpResponse<String>> responses = sendAll(URI.create(stack.api("ingest").url() + "/orders"));
            long sentNanos = System.nanoTime() - started;

            Set<String> accepted = new HashSet<>();
            int throttled = 0;
            for (int i = 0; i < REQUESTS; i++) {
                int status = responses.get(i).statusCode();
                if (status == 200) {
                    accepted.add("order-" + i);
                } else {
                    assertThat(status).isEqualTo(429);
                    assertThat(responses.get(i).body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
                    throttled++;
                }
            }
            assertThat(accepted.size() + throttled).isEqualTo(REQUESTS);
            assertThat(accepted).isNotEmpty();

            await().atMost(Duration.ofSeconds(60)).until(() -> count(dynamo) == accepted.size());
            long doneNanos = System.nanoTime() - started;

            Set<String> stored = new HashSet<>();
            dynamo.scanPaginator(b -> b.tableName("orders")).items()
                    .forEach(item -> stored.add(item.get("id").s()));
            assertThat(stored).isEqualTo(accepted);
            List<LedgerEntry.Invocation> invocations = stack.ledger().entries(LedgerEntry.Invocation.class);
            assertThat(invocations).allSatisfy(run -> {
                assertThat(run.outcome()).isEqualTo(LedgerEntry.InvocationOutcome.SUCCESS);
                assertThat(run.carried()).hasSizeBetween(1, 10);
            });
            assertThat(invocations.stream().mapToInt(run -> run.carried().size()).sum()).isEqualTo(accepted.size());
            assertThat(maxConcurrent(invocations)).isLessThanOrEqualTo(5);
            assertThat(stack.ledger().entries(LedgerEntry.ApiRequest.class)).hasSize(REQUESTS)
                    .filteredOn(LedgerEntry.ApiRequest::throttled).hasSize(throttled);
            System.out.printf("API -> SQS -> Lambda -> DynamoDB: %d requests (%d accepted, %d throttled) sent in "
                    + "%d ms (%.0f req/s); all %d stored after %d ms by %d invocations%n", REQUESTS, accepted.size(),
                    throttled, sentNanos / 1_000_000, REQUESTS / (sentNanos / 1e9), accepted.size(),
                    doneNanos / 1_000_000, invocations.size());
        }
    }

    private static List<HttpResponse<String>> sendAll(URI uri) {
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            inFlight.acquireUninterruptibly();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("order-" + i)).build();
            futures.add(ApiTestSupport.HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> inFlight.release()));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private static int count(DynamoDbClient dynamo) {
        return dynamo.scan(b -> b.tableName("orders").select("COUNT")).count();
    }

    /** The most invocations whose [start, end] overlap at any instant. */
    private static int maxConcurrent(List<LedgerEntry.Invocation> invocations) {
        List<long[]> edges = new ArrayList<>();
        for (LedgerEntry.Invocation run : invocations) {
            edges.add(new long[] {run.start().toEpochMilli() * 2 + 1, 1});
            edges.add(new long[] {run.end().toEpochMilli() * 2, -1});
        }
        edges.sort((a, b) -> Long.compare(a[0], b[0]));
        int current = 0;
        int max = 0;
        for (long[] edge : edges) {
            current += edge[1];
            max = Math.max(max, current);
        }
        return max;
    }
}
