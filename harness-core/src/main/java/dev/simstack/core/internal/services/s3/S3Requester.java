package dev.simstack.core.internal.services.s3;

/**
 * Who made a write, as the ledger and event notifications name it: the operation (the ledger's
 * {@code ObjectWrite} records it), the request id (an event's {@code x-amz-request-id}) and the caller's
 * access key id, or null for an unsigned request or the engine itself (an event then names the account).
 * A client's request gives one ({@link S3Call#requester()}); so does each call of the {@link S3Port}.
 */
record S3Requester(String operation, String requestId, String principal) {
}
