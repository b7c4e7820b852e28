package dev.simstack.core.internal.services.sqs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A receipt handle: names one receive of one message in one queue. Opaque to clients (base64 of queue
 * name, message id and a per-receive nonce from the stack's id source), as AWS's are; a new one is
 * minted for every receive.
 */
record ReceiptHandle(String queueName, String messageId, String nonce) {

    private static final char SEPARATOR = '\n';

    String encode() {
        String raw = queueName + SEPARATOR + messageId + SEPARATOR + nonce;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a handle; fails with ReceiptHandleIsInvalid when it is not one this engine minted. */
    static ReceiptHandle decode(String handle) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(handle), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SqsErrors.receiptHandleIsInvalid(handle);
        }
        int first = raw.indexOf(SEPARATOR);
        int second = first < 0 ? -1 : raw.indexOf(SEPARATOR, first + 1);
        if (first <= 0 || second <= first + 1 || second == raw.length() - 1) {
            throw SqsErrors.receiptHandleIsInvalid(handle);
        }
        return new ReceiptHandle(raw.substring(0, first), raw.substring(first + 1, second), raw.substring(second + 1));
    }
}
