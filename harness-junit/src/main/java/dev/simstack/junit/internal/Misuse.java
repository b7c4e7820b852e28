package dev.simstack.junit.internal;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** A declaration the harness cannot honour; the message names the element and the fix. */
public final class Misuse extends ExtensionConfigurationException {

    private static final long serialVersionUID = 1L;

    /** A misuse described by {@code message}. */
    public Misuse(String message) {
        super(message);
    }

    /** A misuse described by {@code message}, caused by {@code cause}. */
    public Misuse(String message, Throwable cause) {
        super(message, cause);
    }
}
