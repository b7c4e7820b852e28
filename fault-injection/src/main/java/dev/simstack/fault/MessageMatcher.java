package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.SqsHook;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Which SQS messages a semantic fault picks: any, those whose body contains a text or matches a regular
 * expression, or those carrying a message attribute with a value. An immutable value.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class MessageMatcher {

    private static final MessageMatcher ANY = new MessageMatcher(null, null, null, null);

    private final String bodyContains;
    private final Pattern bodyMatches;
    private final String attribute;
    private final String attributeValue;

    private MessageMatcher(String bodyContains, Pattern bodyMatches, String attribute, String attributeValue) {
        this.bodyContains = bodyContains;
        this.bodyMatches = bodyMatches;
        this.attribute = attribute;
        this.attributeValue = attributeValue;
    }

    /**
     * Every message.
     *
     * @return the matcher
     */
    public static MessageMatcher any() {
        return ANY;
    }

    /**
     * Messages whose body contains {@code text}.
     *
     * @param text the text looked for
     * @return the matcher
     */
    public static MessageMatcher bodyContains(String text) {
        return new MessageMatcher(Objects.requireNonNull(text, "text"), null, null, null);
    }

    /**
     * Messages whose body has a match of the regular expression {@code regex} (anywhere: anchor it with
     * {@code ^...$} to match the whole body).
     *
     * @param regex a {@link Pattern} expression
     * @return the matcher
     * @throws IllegalArgumentException when {@code regex} is not a valid expression
     */
    public static MessageMatcher bodyMatches(String regex) {
        try {
            return new MessageMatcher(null, Pattern.compile(regex), null, null);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("bodyMatches '" + regex + "' is not a regular expression: "
                    + e.getDescription(), e);
        }
    }

    /**
     * Messages carrying the message attribute {@code name} with the value {@code value} (a String or Number
     * attribute's text, a Binary one's bytes in Base64).
     *
     * @param name the attribute's name
     * @param value its value
     * @return the matcher
     */
    public static MessageMatcher attribute(String name, String value) {
        return new MessageMatcher(null, null, Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(value, "value"));
    }

    /**
     * Whether {@code message} is one this matcher picks.
     *
     * @param message the message
     * @return true when it matches
     */
    public boolean matches(SqsHook.Message message) {
        if (bodyContains != null) {
            return message.body().contains(bodyContains);
        }
        if (bodyMatches != null) {
            return bodyMatches.matcher(message.body()).find();
        }
        if (attribute != null) {
            return attributeValue.equals(message.messageAttributes().get(attribute));
        }
        return true;
    }

    /**
     * Whether this matcher picks every message.
     *
     * @return true for {@link #any()}
     */
    public boolean isAny() {
        return this == ANY;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageMatcher that && Objects.equals(bodyContains, that.bodyContains)
                && Objects.equals(bodyMatches == null ? null : bodyMatches.pattern(),
                        that.bodyMatches == null ? null : that.bodyMatches.pattern())
                && Objects.equals(attribute, that.attribute) && Objects.equals(attributeValue, that.attributeValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bodyContains, bodyMatches == null ? null : bodyMatches.pattern(), attribute,
                attributeValue);
    }

    @Override
    public String toString() {
        if (bodyContains != null) {
            return "body containing '" + bodyContains + "'";
        }
        if (bodyMatches != null) {
            return "body matching /" + bodyMatches.pattern() + "/";
        }
        if (attribute != null) {
            return "attribute " + attribute + "=" + attributeValue;
        }
        return "any message";
    }
}
