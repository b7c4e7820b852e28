/**
 * Fault plans (what, where, when, how often; replayable from a seed) and the code that applies them
 * through the engine's {@code Interceptor} interception point: {@link dev.simstack.fault.FaultPlan} is the
 * data, {@link dev.simstack.fault.FaultInjector} applies it to a stack.
 *
 * <p>Wire faults (AWS errors with their exact codes and statuses, latency on the stack's clock) are here;
 * semantic faults (duplicate delivery, crashes after side effects, region outages) come with the harness.
 */
package dev.simstack.fault;
