package dev.simstack.core.internal.services.lambda;

/**
 * One execution environment of a function: a handler instance that serves one invocation at a time and
 * is kept warm for the next (AWS reuses environments; static and instance state survive between
 * invocations, which tests of caching code rely on).
 *
 * @param id an id for the ledger
 * @param generation the function's code/configuration generation it was started for
 * @param handler the handler bound to its instance
 */
record ExecutionEnvironment(String id, long generation, HandlerInvoker.Bound handler) {
}
