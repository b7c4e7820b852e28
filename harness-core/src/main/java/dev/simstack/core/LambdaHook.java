package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The fault points of Lambda's invocations (handlers, event source mappings, concurrency): see {@link SemanticHook}. The service calls these methods where AWS may
 * behave that way on its own; every default changes nothing.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface LambdaHook extends SemanticHook {

    /**
     * Whether an event source mapping of {@code region} stops polling for now (its region is down): while it
     * answers true the mapping's pollers receive nothing and try again a second later, and the messages wait in
     * their source, as they do on AWS while Lambda's pollers cannot reach it.
     *
     * @param region the mapping's region
     * @param functionName the name of the mapping's function
     * @return true to skip this poll; false (the default) to poll
     */
    default boolean eventSourceMappingPaused(String region, String functionName) {
        return false;
    }
}
