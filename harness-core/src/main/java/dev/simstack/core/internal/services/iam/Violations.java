package dev.simstack.core.internal.services.iam;

import dev.simstack.core.AwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The model constraints a request breaks, collected and answered at once as IAM and STS answer them:
 * {@code ValidationError} (400) "2 validation errors detected: Value 'a' at 'roleSessionName' failed to
 * satisfy constraint: Member must have length greater than or equal to 2; ...". Members are named in
 * lower camel case, as AWS's validation layer names them.
 */
public final class Violations {

    private final List<String> found = new ArrayList<>();

    /** {@code value} (the wire member {@code member}) must be given. */
    public Violations required(String member, Object value) {
        if (value == null) {
            found.add("Value null at '" + camel(member) + "' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    /** A string's length must lie in {@code [min, max]}; a null value is not checked. */
    public Violations length(String member, String value, int min, int max) {
        if (value != null && value.length() < min) {
            add(member, value, "Member must have length greater than or equal to " + min);
        } else if (value != null && value.length() > max) {
            add(member, value, "Member must have length less than or equal to " + max);
        }
        return this;
    }

    /** A string must match {@code pattern} (written in the message as the model writes it). */
    public Violations pattern(String member, String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            add(member, value, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return this;
    }

    /** A number must lie in {@code [min, max]}; a null value is not checked. */
    public Violations range(String member, Integer value, int min, int max) {
        if (value != null && value < min) {
            add(member, value, "Member must have value greater than or equal to " + min);
        } else if (value != null && value > max) {
            add(member, value, "Member must have value less than or equal to " + max);
        }
        return this;
    }

    /** Answers what was found, if anything. */
    public void check() {
        if (!found.isEmpty()) {
            throw validationError(found.size() + " validation error" + (found.size() == 1 ? "" : "s")
                    + " detected: " + String.join("; ", found));
        }
    }

    /** IAM's and STS's {@code ValidationError} with {@code message}. */
    public static AwsException validationError(String message) {
        return new AwsException("ValidationError", 400, message);
    }

    private void add(String member, Object value, String constraint) {
        found.add("Value '" + value + "' at '" + camel(member) + "' failed to satisfy constraint: " + constraint);
    }

    private static String camel(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
