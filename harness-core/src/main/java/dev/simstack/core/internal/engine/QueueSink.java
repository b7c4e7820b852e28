package dev.simstack.core.internal.engine;

/**
 * How one service enqueues into an SQS queue of the same stack without going over HTTP: S3 event
 * notifications today, later SNS subscriptions and API Gateway integrations. The engine wires it to the
 * SQS service; the message is sent as SendMessage would send it (same rules, ledger entries, waking of
 * long polls).
 */
@FunctionalInterface
public interface QueueSink {

    /**
     * Sends {@code body} to the queue named by {@code queueArn}.
     *
     * @throws dev.simstack.core.AwsException SQS's error, e.g. {@code QueueDoesNotExist}, when the
     *         queue cannot take it
     */
    void send(String queueArn, String body);
}
