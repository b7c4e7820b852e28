package dev.simstack.sample;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.BucketSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.SqsEventSource;
import dev.simstack.core.StackConfig;
import dev.simstack.junit.StackDefinition;

/**
 * The app's regional part deployed again in the second region, beside the global table's replica there: the API,
 * the queue and its dead-letter queue, both functions and a bucket of that region's own (bucket names are global
 * on AWS). On AWS this is the same template deployed to a second region's stack, with the global table left
 * out; {@code template.yaml} is applied to the stack's first region only, so the copy is declared here. The queue
 * URL and the provider's URL exist once the stack runs: {@link RegionOutageTest} hands them to the functions.
 */
public final class SecondRegionDeployment implements StackDefinition {

    static final String REGION = OrdersApp.SECOND_REGION;
    static final String RECEIPTS = OrdersApp.RECEIPTS + "-" + REGION;

    @Override
    public StackConfig define(StackConfig base) {
        return base
                .withQueue(QueueSpec.named(OrdersApp.DLQ).inRegion(REGION))
                .withQueue(QueueSpec.named(OrdersApp.QUEUE).inRegion(REGION).withAttribute("VisibilityTimeout", "180")
                        .withDeadLetterQueue(OrdersApp.DLQ, 3))
                .withBucket(BucketSpec.named(RECEIPTS).inRegion(REGION))
                .withFunction(FunctionSpec.named(OrdersApp.API, OrdersApi.class).inRegion(REGION)
                        .withEnvironment("ORDERS_TABLE", OrdersApp.TABLE).withEnvironment("AWS_MAX_ATTEMPTS", "3"))
                .withFunction(FunctionSpec.named(OrdersApp.WORKER, PaymentWorker.class).inRegion(REGION)
                        .withTimeout(java.time.Duration.ofSeconds(30))
                        .withEnvironment("ORDERS_TABLE", OrdersApp.TABLE).withEnvironment("RECEIPTS_BUCKET", RECEIPTS)
                        .withEnvironment("AWS_MAX_ATTEMPTS", "3")
                        .withSqsEvent(SqsEventSource.queue(OrdersApp.QUEUE).withBatchSize(10).withMaximumConcurrency(5)
                                .withReportBatchItemFailures()))
                .withApi(ApiSpec.rest(OrdersApp.API).inRegion(REGION).withStage("prod")
                        .withRoute("POST /orders", ApiSpec.Integration.lambda(OrdersApp.API))
                        .withRoute("GET /orders/{id}", ApiSpec.Integration.lambda(OrdersApp.API)));
    }
}
