package dev.simstack.junit.faults;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/** Fails a batch whose message is received for the first time, so it comes back after its visibility timeout. */
public final class FailsFirstDelivery implements RequestHandler<SQSEvent, Void> {

    @Override
    public Void handleRequest(SQSEvent event, Context context) {
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            if ("1".equals(message.getAttributes().get("ApproximateReceiveCount"))) {
                throw new IllegalStateException("first delivery of " + message.getMessageId());
            }
        }
        return null;
    }
}
