package dev.simstack.assertions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/** Processes orders from SQS, and fails the batch on a poison one, so that it ends in the dead-letter queue. */
public final class PoisonWorker implements RequestHandler<SQSEvent, Void> {

    @Override
    public Void handleRequest(SQSEvent event, Context context) {
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            if (message.getBody().contains("poison")) {
                context.getLogger().log("cannot process " + message.getBody());
                throw new IllegalStateException("poison order");
            }
        }
        return null;
    }
}
