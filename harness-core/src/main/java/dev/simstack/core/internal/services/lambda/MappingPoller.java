package dev.simstack.core.internal.services.lambda;

/** What a region's directory needs of an event source mapping's poller, whatever it polls. */
interface MappingPoller {

    /** The mapping's UUID. */
    String uuid();

    /** The ARN of the function the mapping invokes. */
    String functionArn();

    /** Stops polling; batches in progress finish. */
    void stop();

    /** Stops polling and drops the batches in progress (a reset). */
    void abandon();
}
