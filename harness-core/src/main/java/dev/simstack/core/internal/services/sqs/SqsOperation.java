package dev.simstack.core.internal.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/** One SQS operation: reads its input, acts on the region's state, answers in the JSON protocol's shape. */
@FunctionalInterface
interface SqsOperation {

    CompletionStage<JsonNode> invoke(DecodedCall call, Input input);

    /** An operation that answers at once. */
    static SqsOperation sync(BiFunction<DecodedCall, Input, JsonNode> operation) {
        return (call, input) -> CompletableFuture.completedFuture(operation.apply(call, input));
    }
}
