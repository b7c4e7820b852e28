package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A fault point inside a service, for faults that no wire-level {@link Interceptor} can cause because they are
 * not about one call's answer: a deleted message handed out again, a handler that fails after its writes, a
 * global table's replication that pauses. Each service has its own sub-interface ({@link SqsHook},
 * {@link LambdaHook}, {@link DynamoDbHook}, {@link S3Hook}) whose methods it calls at the points where AWS
 * itself may behave that way, and does what the hook answers exactly as it would on its own: the ledger records
 * the outcome like any other. Hooks reach a stack through {@link Interceptor#hooks()}; the fault plans of module
 * {@code fault-injection} are the usual source.
 *
 * <p>Every method of a sub-interface has a default that changes nothing, so a hook implements only the points
 * it needs. Hooks are called on the stack's threads, concurrently: they must be thread-safe, and draw any random
 * choice from a source seeded from the stack's seed so a run replays.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface SemanticHook {
}
