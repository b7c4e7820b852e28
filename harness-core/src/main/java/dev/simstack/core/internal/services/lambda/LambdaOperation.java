package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/** One operation of the Lambda API. */
@FunctionalInterface
interface LambdaOperation {

    CompletionStage<JsonNode> invoke(DecodedCall call, Input input);

    /** An operation that answers at once. */
    static LambdaOperation sync(BiFunction<DecodedCall, Input, JsonNode> body) {
        return (call, input) -> CompletableFuture.completedFuture(body.apply(call, input));
    }
}
