package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * ExecuteStatement's NextToken: opaque to clients, it holds the key of the last item read and a hash of the
 * statement, so a token given with another statement is refused as AWS refuses it.
 */
final class PartiqlNextToken {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PartiqlNextToken() {
    }

    static String encode(AttributeMap lastKey, String statement) {
        ObjectNode token = JsonNodeFactory.instance.objectNode();
        token.put("statement", statement.hashCode());
        token.set("key", AttributeValueCodec.writeItem(lastKey));
        return Base64.getEncoder().encodeToString(token.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The key to start after, or null without a token. */
    static AttributeMap decode(String token, String statement) {
        if (token == null) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(Base64.getDecoder().decode(token));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw DynamoDbErrors.validation("Invalid NextToken");
        }
        if (node == null || !node.path("key").isObject() || !node.path("statement").canConvertToInt()) {
            throw DynamoDbErrors.validation("Invalid NextToken");
        }
        if (node.get("statement").intValue() != statement.hashCode()) {
            throw DynamoDbErrors.validation("NextToken does not match request");
        }
        return AttributeValueCodec.readItem(node.get("key"));
    }
}
