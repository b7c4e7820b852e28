/**
 * Fault plans (what, where, when, how often; replayable from a seed) and the code that applies them
 * through the engine's {@code Interceptor} interception point.
 *
 * <p>Thin until its issue lands: the engine in {@code harness-core} is built first.
 */
package dev.simstack.fault;
