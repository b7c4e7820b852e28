package dev.simstack.sample;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker on the orders queue (an event source mapping with {@code ReportBatchItemFailures}): for each
 * order, charges the payment provider, marks the order PAID and writes its receipt. Every step is
 * idempotent, because SQS delivers at least once: an order already PAID is not charged again, the charge
 * carries the order id as its idempotency key (two deliveries at once still charge once at the provider),
 * the PAID write is conditional on PENDING, the receipt's put on the object's absence. A message whose
 * order fails is reported in {@code batchItemFailures}, so only it comes back (and, after three receives,
 * goes to the dead-letter queue).
 * Configuration: {@code ORDERS_TABLE}, {@code RECEIPTS_BUCKET}, {@code PAYMENT_URL}.
 */
public final class PaymentWorker implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private OrderTable orders;
    private Receipts receipts;
    private PaymentProvider payments;

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        if (orders == null) {
            LambdaEnvironment environment = LambdaEnvironment.of(context);
            AwsClients clients = AwsClients.of(environment);
            orders = new OrderTable(clients.dynamo, environment.require("ORDERS_TABLE"));
            receipts = new Receipts(clients.s3, environment.require("RECEIPTS_BUCKET"));
            payments = new PaymentProvider(environment.require("PAYMENT_URL"));
        }
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                pay(Order.fromJson(message.getBody()));
            } catch (PaymentProvider.ChargeFailedException | RuntimeException e) {
                context.getLogger().log("order in message " + message.getMessageId() + " failed: " + e);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    // docs:pay-start
    private void pay(Order order) throws PaymentProvider.ChargeFailedException {
        // A redelivered order may be paid already (its batch failed, or its invocation crashed, after the charge):
        // it is not charged again, and its receipt is written if the earlier delivery did not get that far.
        String chargeId = orders.chargeOfPaid(order.orderId()).orElse(null);
        if (chargeId == null) {
            chargeId = payments.charge(order, true);
            orders.markPaid(order.orderId(), chargeId);
        }
        receipts.putIfAbsent(order, chargeId);
    }
    // docs:pay-end
}
