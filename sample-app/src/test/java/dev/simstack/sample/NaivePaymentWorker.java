package dev.simstack.sample;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The worker as it is often first written, and wrong: it charges without an idempotency key and writes the
 * order and the receipt unconditionally, as if SQS delivered each message once. SQS delivers at least once,
 * so a message that comes back charges its order again. Kept in the tests, where the suite proves it wrong.
 */
public final class NaivePaymentWorker implements RequestHandler<SQSEvent, Void> {

    private AwsClients clients;
    private PaymentProvider payments;
    private String table;
    private String bucket;

    @Override
    public Void handleRequest(SQSEvent event, Context context) {
        if (clients == null) {
            LambdaEnvironment environment = LambdaEnvironment.of(context);
            clients = AwsClients.of(environment);
            payments = new PaymentProvider(environment.require("PAYMENT_URL"));
            table = environment.require("ORDERS_TABLE");
            bucket = environment.require("RECEIPTS_BUCKET");
        }
        // docs:naive-start
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            Order order = Order.fromJson(message.getBody());
            String chargeId;
            try {
                chargeId = payments.charge(order, false);   // no idempotency key: the provider charges again
            } catch (PaymentProvider.ChargeFailedException e) {
                throw new IllegalStateException(e);
            }
            Order paid = new Order(order.orderId(), order.customerId(), order.amount(), order.currency(), Order.PAID);
            clients.dynamo.putItem(b -> b.tableName(table).item(paid.item()));               // unconditional
            clients.s3.putObject(b -> b.bucket(bucket).key(Receipts.key(order.orderId())),  // unconditional
                    RequestBody.fromString(Receipts.json(order, chargeId)));
        }
        // docs:naive-end
        return null;
    }
}
