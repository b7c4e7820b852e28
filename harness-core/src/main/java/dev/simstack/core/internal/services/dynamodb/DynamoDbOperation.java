package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;

/** One DynamoDB operation: a decoded call in, the JSON output (or a thrown AWS error) out. */
@FunctionalInterface
interface DynamoDbOperation {

    JsonNode invoke(DecodedCall call, Input input);
}
