package dev.simstack.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.protocol.restjson.RestMessage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A decoded call's input members as the public API shows them ({@link dev.simstack.core.ServiceCall#members()}):
 * the members of the service's API, as plain values, without the engine's own carriers. REST-JSON inputs
 * carry the request's headers, query, method and path in {@code __} members and a raw body as base64 in
 * {@link RestMessage#BODY}; the body is shown decoded as {@value #PAYLOAD}. REST-XML inputs carry S3's
 * HTTP binding and its spooled body; only {@code Bucket} and {@code Key} are API members.
 */
final class InputMembers {

    /** The member a raw REST-JSON body is shown as (Lambda's name for Invoke's). */
    static final String PAYLOAD = "Payload";
    private static final String INTERNAL_PREFIX = "__";
    private static final String[] REST_XML_MEMBERS = {"Bucket", "Key"};

    private InputMembers() {
    }

    /** Every member of {@code call}'s input, in its order. */
    static Map<String, Object> all(DecodedCall call) {
        Map<String, Object> members = new LinkedHashMap<>();
        ObjectNode input = call.input();
        switch (call.protocol()) {
            case "rest-xml" -> {
                for (String name : REST_XML_MEMBERS) {
                    Object value = MemberValues.of(input.get(name));
                    if (value != null) {
                        members.put(name, value);
                    }
                }
            }
            case "rest-json" -> {
                input.properties().forEach(member -> {
                    if (!member.getKey().startsWith(INTERNAL_PREFIX)) {
                        put(members, member.getKey(), member.getValue());
                    }
                });
                if (input.has(RestMessage.BODY)) {
                    members.put(PAYLOAD, RestMessage.body(input));
                }
            }
            default -> input.properties().forEach(member -> put(members, member.getKey(), member.getValue()));
        }
        return Collections.unmodifiableMap(members);
    }

    /** The member {@code name} of {@code call}'s input; empty when it has none or it is null. */
    static Optional<Object> one(DecodedCall call, String name) {
        ObjectNode input = call.input();
        return switch (call.protocol()) {
            case "rest-xml" -> name.equals("Bucket") || name.equals("Key") ? plain(input.get(name)) : Optional.empty();
            case "rest-json" -> name.equals(PAYLOAD) && input.has(RestMessage.BODY)
                    ? Optional.of(RestMessage.body(input))
                    : name.startsWith(INTERNAL_PREFIX) ? Optional.empty() : plain(input.get(name));
            default -> plain(input.get(name));
        };
    }

    private static void put(Map<String, Object> members, String name, JsonNode node) {
        Object value = MemberValues.of(node);
        if (value != MemberValues.OPAQUE) {
            members.put(name, value);
        }
    }

    private static Optional<Object> plain(JsonNode node) {
        Object value = MemberValues.of(node);
        return value == MemberValues.OPAQUE ? Optional.empty() : Optional.ofNullable(value);
    }
}
