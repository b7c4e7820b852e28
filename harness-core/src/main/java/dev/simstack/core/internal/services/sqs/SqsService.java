package dev.simstack.core.internal.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.ServiceCall;
import dev.simstack.core.internal.engine.Errors;
import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.engine.ServiceDescriptor;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.protocol.query.QueryShapes;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * SQS, as far as the engine foundation needs it to route and report: every action answers that it is not
 * supported yet. (Replaced by the full service.)
 */
public final class SqsService implements Service {

    private static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor("sqs", "AmazonSQS", "1.0",
            "com.amazonaws.sqs", true, false, QueryShapes.builder("http://queue.amazonaws.com/doc/2012-11-05/").build());

    public SqsService(StackContext context) {
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CompletionStage<JsonNode> invoke(ServiceCall call) {
        throw Errors.notSupported("SQS action " + call.operation());
    }

    @Override
    public void close() {
    }

    public String declareQueue(String region, String name, Map<String, String> attributes, Map<String, String> tags,
            String host) {
        throw Errors.notSupported("Declaring queue " + name);
    }

    public String queueUrl(String region, String name, String host) {
        throw new IllegalArgumentException("no queue " + name + " in " + region);
    }
}
