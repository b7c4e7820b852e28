package dev.simstack.core.internal.services.sqs;

/**
 * SQS's queue-name rules: 1 to 80 characters of {@code [A-Za-z0-9_-]}, and for a FIFO queue (only for
 * one) the suffix {@code .fifo}, which counts toward the 80.
 */
public final class QueueName {

    static final String FIFO_SUFFIX = ".fifo";
    private static final int MAX_LENGTH = 80;

    private QueueName() {
    }

    /** Fails with AWS's InvalidParameterValue unless {@code name} is valid for a queue of that type. */
    public static void validate(String name, boolean fifo) {
        if (!isValid(name, fifo)) {
            throw SqsErrors.invalidParameterValue(fifo
                    ? "The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, "
                            + "must end with .fifo suffix and be 1 to 80 in length."
                    : "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        }
    }

    public static boolean isValid(String name, boolean fifo) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        String stem = name;
        if (fifo) {
            if (!name.endsWith(FIFO_SUFFIX) || name.length() == FIFO_SUFFIX.length()) {
                return false;
            }
            stem = name.substring(0, name.length() - FIFO_SUFFIX.length());
        }
        for (int i = 0; i < stem.length(); i++) {
            if (!isNameChar(stem.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }
}
