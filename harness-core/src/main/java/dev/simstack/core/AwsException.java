package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An error as AWS sends it: its code, HTTP status, whether the caller or the service is at fault, and
 * a message a person can act on. Services and interceptors throw it; each protocol codec encodes it in
 * that protocol's error shape, so the SDK raises its own exception class for it.
 *
 * <p>{@code code} is the error shape's name ({@code QueueDoesNotExist}); {@code queryCode}, where a
 * service still answers its older Query protocol, is the code that protocol uses
 * ({@code AWS.SimpleQueueService.NonExistentQueue}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class AwsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String queryCode;
    private final int status;
    private final boolean senderFault;

    /** An error with one code for every protocol, a sender's fault below status 500 and the service's from 500. */
    public AwsException(String code, int status, String message) {
        this(code, code, status, status < 500, message);
    }

    /** An error whose Query protocol code differs from its shape name (SQS's older codes). */
    public AwsException(String code, String queryCode, int status, boolean senderFault, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.queryCode = Objects.requireNonNull(queryCode, "queryCode");
        this.status = status;
        this.senderFault = senderFault;
    }

    /** The error shape name, as the JSON protocols send it in {@code __type}. */
    public String code() {
        return code;
    }

    /** The error code of the Query protocol (and of the {@code x-amzn-query-error} header). */
    public String queryCode() {
        return queryCode;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** True when the request was wrong ({@code Sender}), false when the service failed ({@code Receiver}). */
    public boolean senderFault() {
        return senderFault;
    }

    @Override
    public String toString() {
        return code + " (" + status + "): " + getMessage();
    }
}
