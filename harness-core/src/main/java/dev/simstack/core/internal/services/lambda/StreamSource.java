package dev.simstack.core.internal.services.lambda;

import dev.simstack.core.internal.services.dynamodb.streams.StreamLog;

/** Where stream event source mappings find a table's stream: the engine wires it to DynamoDB. */
@FunctionalInterface
public interface StreamSource {

    /** The stream {@code streamArn} of a table of {@code region}, or null if there is none. */
    StreamLog find(String region, String streamArn);
}
