package dev.simstack.core.internal.resources;

/** A resource file that cannot be applied: the message names the file, the resource and what to fix. */
public final class ResourceFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ResourceFileException(String message) {
        super(message);
    }

    public ResourceFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
