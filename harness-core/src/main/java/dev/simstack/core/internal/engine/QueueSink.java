package dev.simstack.core.internal.engine;

import dev.simstack.core.ResourceRef;

/**
 * How one service enqueues into an SQS queue of the same stack without going over HTTP: S3 event
 * notifications and Lambda's destinations and dead-letter queues. The engine wires it to SQS's typed
 * SendMessage; the message is sent as SendMessage would send it (same rules, ledger entries, waking of
 * long polls).
 */
@FunctionalInterface
public interface QueueSink {

    /**
     * Sends {@code body} to {@code queue}.
     *
     * @throws dev.simstack.core.AwsException SQS's error, e.g. {@code QueueDoesNotExist}, when the
     *         queue cannot take it
     */
    void send(ResourceRef queue, String body);
}
