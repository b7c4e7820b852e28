package dev.simstack.core.internal.server;

import dev.simstack.core.internal.protocol.HttpAnswer;
import dev.simstack.core.internal.protocol.HttpExchange;
import java.util.concurrent.CompletionStage;

/**
 * What the front door hands every request to. The stack's dispatcher implements it; the server knows
 * only this, so the composition depends on the server and never the other way round.
 */
@FunctionalInterface
public interface RequestHandler {

    /** Answers one request; the stage completes when the answer is ready (long polls complete later). */
    CompletionStage<HttpAnswer> handle(HttpExchange exchange);
}
