package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.protocol.ErrorBodyMembers;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import dev.simstack.core.internal.services.dynamodb.partiql.PartiqlParser;
import dev.simstack.core.internal.services.dynamodb.partiql.PartiqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The wire side of the PartiQL operations: a statement and its parameters, lists of them, batch errors. */
final class PartiqlRequests {

    /** The model's bound on a statement's length. */
    private static final int MAX_STATEMENT = 8192;

    /** BatchStatementError's codes for the exceptions a statement can raise. */
    private static final Map<String, String> BATCH_CODES = Map.of(
            "ConditionalCheckFailedException", "ConditionalCheckFailed",
            "DuplicateItemException", "DuplicateItem",
            "ValidationException", "ValidationError",
            "ResourceNotFoundException", "ResourceNotFound",
            "TransactionConflictException", "TransactionConflict",
            "ProvisionedThroughputExceededException", "ProvisionedThroughputExceeded",
            "ThrottlingException", "ThrottlingError",
            "RequestLimitExceeded", "RequestLimitExceeded",
            "ItemCollectionSizeLimitExceededException", "ItemCollectionSizeLimitExceeded");

    private PartiqlRequests() {
    }

    /** The statement of {@code input} (a request, or one entry of a batch or transaction), parsed. */
    static PartiqlStatement parse(Input input, String member) {
        return PartiqlParser.parse(statement(input, member), parameters(input, member));
    }

    static String statement(Input input, String member) {
        String text = input.string("Statement");
        if (text == null) {
            throw DynamoDbErrors.constraint("null", member + "statement", "Member must not be null");
        }
        if (text.isEmpty() || text.length() > MAX_STATEMENT) {
            throw DynamoDbErrors.constraint("'" + text + "'", member + "statement", text.isEmpty()
                    ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to " + MAX_STATEMENT);
        }
        return text;
    }

    private static List<AttributeValue> parameters(Input input, String member) {
        JsonNode node = input.node().get("Parameters");
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isEmpty()) {
            throw DynamoDbErrors.constraint("'[]'", member + "parameters",
                    "Member must have length greater than or equal to 1");
        }
        List<AttributeValue> values = new ArrayList<>();
        for (JsonNode value : node) {
            values.add(AttributeValueCodec.read(value));
        }
        return values;
    }

    /** The entries of a batch or transaction, between 1 and {@code max}. */
    static List<Input> entries(Input input, String parameter, int max) {
        String member = Character.toLowerCase(parameter.charAt(0)) + parameter.substring(1);
        if (!input.has(parameter)) {
            throw DynamoDbErrors.constraint("null", member, "Member must not be null");
        }
        List<Input> entries = input.objectList(parameter);
        if (entries.isEmpty()) {
            throw DynamoDbErrors.constraint("'[]'", member, "Member must have length greater than or equal to 1");
        }
        if (entries.size() > max) {
            throw DynamoDbErrors.validation("1 validation error detected: Value at '" + member + "' failed to "
                    + "satisfy constraint: Member must have length less than or equal to " + max);
        }
        return entries;
    }

    static boolean returnOldOnFailure(Input input) {
        return Requests.choice(input, "ReturnValuesOnConditionCheckFailure", "returnValuesOnConditionCheckFailure",
                "NONE", List.of("ALL_OLD", "NONE")).equals("ALL_OLD");
    }

    /** A BatchStatementError: AWS's code for the exception, its message, and the old item if it has one. */
    static ObjectNode batchError(AwsException error, ObjectNode response) {
        ObjectNode body = response.putObject("Error");
        body.put("Code", BATCH_CODES.getOrDefault(error.code(), "InternalServerError"));
        body.put("Message", error.getMessage());
        if (error instanceof ErrorBodyMembers detailed && detailed.errorMembers().has("Item")) {
            body.set("Item", detailed.errorMembers().get("Item"));
        }
        return response;
    }
}
