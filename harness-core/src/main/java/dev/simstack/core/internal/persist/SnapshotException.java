package dev.simstack.core.internal.persist;

/** A snapshot that cannot be written, or read back whole. */
public final class SnapshotException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
