package dev.simstack.core.internal.protocol;

import java.util.HashMap;
import java.util.Map;

/**
 * How one service's Query protocol spells what its JSON protocol calls a list or a map: on the way in,
 * {@code Attribute.1.Name=VisibilityTimeout&Attribute.1.Value=30} becomes
 * {@code "Attributes":{"VisibilityTimeout":"30"}}; on the way out, {@code "Messages":[...]} becomes
 * flattened {@code <Message>} elements. Rules are looked up by operation first, then for every operation.
 * Members without a rule keep their name; scalars travel as text.
 */
public final class QueryShapes {

    /** Whether a member is a list of values or a map of key/value entries. */
    public enum Kind { LIST, MAP }

    /**
     * One member's spelling.
     *
     * @param name on the way in the JSON member name; on the way out the XML element name
     * @param kind list or map
     * @param keyName a map entry's key element, e.g. {@code Name} or {@code Key}
     * @param valueName a map entry's value element, e.g. {@code Value}
     */
    public record Rule(String name, Kind kind, String keyName, String valueName) {

        public static Rule list(String name) {
            return new Rule(name, Kind.LIST, null, null);
        }

        public static Rule map(String name, String keyName, String valueName) {
            return new Rule(name, Kind.MAP, keyName, valueName);
        }
    }

    private final String xmlNamespace;
    private final Map<String, Rule> inputs;
    private final Map<String, Rule> outputs;
    private final String pathMember;

    private QueryShapes(String xmlNamespace, Map<String, Rule> inputs, Map<String, Rule> outputs, String pathMember) {
        this.xmlNamespace = xmlNamespace;
        this.inputs = Map.copyOf(inputs);
        this.outputs = Map.copyOf(outputs);
        this.pathMember = pathMember;
    }

    public static Builder builder(String xmlNamespace) {
        return new Builder(xmlNamespace);
    }

    /** The namespace of the service's XML responses. */
    public String xmlNamespace() {
        return xmlNamespace;
    }

    /** The rule for the query parameter prefix {@code queryName} in {@code operation}, or null. */
    public Rule input(String operation, String queryName) {
        Rule rule = inputs.get(operation + "/" + queryName);
        return rule != null ? rule : inputs.get(queryName);
    }

    /**
     * The rule whose JSON member is {@code memberName} in {@code operation}, or null. botocore sends an
     * empty list under its member name ({@code Entries=}) rather than its element name.
     */
    public Rule inputForMember(String operation, String memberName) {
        Rule general = null;
        for (Map.Entry<String, Rule> entry : inputs.entrySet()) {
            if (entry.getValue().name().equals(memberName)) {
                if (entry.getKey().startsWith(operation + "/")) {
                    return entry.getValue();
                }
                if (entry.getKey().indexOf('/') < 0) {
                    general = entry.getValue();
                }
            }
        }
        return general;
    }

    /**
     * The input member that the request path stands for when the request does not give it (SQS's
     * {@code QueueUrl}: Query requests may be sent to the queue's URL itself), or null.
     */
    public String pathMember() {
        return pathMember;
    }

    /** The rule for the JSON output member {@code jsonName} in {@code operation}, or null. */
    public Rule output(String operation, String jsonName) {
        Rule rule = outputs.get(operation + "/" + jsonName);
        return rule != null ? rule : outputs.get(jsonName);
    }

    /** Collects the rules of one service. */
    public static final class Builder {
        private final String xmlNamespace;
        private final Map<String, Rule> inputs = new HashMap<>();
        private final Map<String, Rule> outputs = new HashMap<>();
        private String pathMember;

        private Builder(String xmlNamespace) {
            this.xmlNamespace = xmlNamespace;
        }

        /** {@code queryName} in every operation's input reads as {@code rule}. */
        public Builder input(String queryName, Rule rule) {
            inputs.put(queryName, rule);
            return this;
        }

        /** {@code queryName} in {@code operation}'s input reads as {@code rule}. */
        public Builder input(String operation, String queryName, Rule rule) {
            inputs.put(operation + "/" + queryName, rule);
            return this;
        }

        /** {@code jsonName} in every operation's output writes as {@code rule}. */
        public Builder output(String jsonName, Rule rule) {
            outputs.put(jsonName, rule);
            return this;
        }

        /** {@code jsonName} in {@code operation}'s output writes as {@code rule}. */
        public Builder output(String operation, String jsonName, Rule rule) {
            outputs.put(operation + "/" + jsonName, rule);
            return this;
        }

        /** A request sent to a resource's URL gives {@code member} as that URL when it names none. */
        public Builder pathMember(String member) {
            this.pathMember = member;
            return this;
        }

        public QueryShapes build() {
            return new QueryShapes(xmlNamespace, inputs, outputs, pathMember);
        }
    }
}
