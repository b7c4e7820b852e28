package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The fault points of Lambda's invocations (handlers, event source mappings, concurrency): see {@link SemanticHook}. The service calls these methods where AWS may
 * behave that way on its own; every default changes nothing.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface LambdaHook extends SemanticHook {
}
