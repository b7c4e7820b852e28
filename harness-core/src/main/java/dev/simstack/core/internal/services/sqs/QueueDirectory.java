package dev.simstack.core.internal.services.sqs;

/** Finds the queues of one region by ARN, for redrive policies and message move tasks. */
interface QueueDirectory {

    /** The queue with this ARN in this region and account, or null. */
    SqsQueue byArn(String arn);
}
