package dev.simstack.core.internal.services.lambda;

/**
 * One execution environment of a function: a handler instance that serves one invocation at a time and
 * is kept warm for the next (AWS reuses environments; static and instance state survive between
 * invocations, which tests of caching code rely on).
 *
 * @param id an id for the ledger
 * @param generation the function's code/configuration generation it was started for
 * @param version the function version it runs ({@code $LATEST} or a number): versions have environments of
 *     their own, since their code may differ
 * @param handler the handler bound to its instance
 */
record ExecutionEnvironment(String id, long generation, String version, HandlerInvoker.Bound handler) {
}
