package dev.simstack.core.internal.services.dynamodb;

import dev.simstack.core.AwsService;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the parameters many operations share, with the messages of AWS's model validator. A table may
 * be named by its name or, since 2023, by its ARN.
 */
final class Requests {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

    private Requests() {
    }

    /** The region and name of the table a request names. */
    record TableRef(String region, String name) {
    }

    static TableRef table(DecodedCall call, Input input) {
        return table(call, input, "TableName", "tableName");
    }

    static TableRef table(DecodedCall call, Input input, String parameter, String member) {
        String name = input.string(parameter);
        if (name == null) {
            throw DynamoDbErrors.constraint("null", member, "Member must not be null");
        }
        return parse(call.region(), name, member);
    }

    /** A table name or ARN as it appears in a request (also as a key of RequestItems). */
    static TableRef parse(String region, String name, String member) {
        if (name.startsWith("arn:")) {
            ResourceRef table = tableArn(name);
            if (table == null) {
                throw DynamoDbErrors.validation("Invalid TableArn: Invalid ResourceArn provided as input " + name);
            }
            return new TableRef(table.region(), table.name());
        }
        checkName(name, member);
        return new TableRef(region, name);
    }

    /** The table a table ARN names, or null if {@code arn} is not one (a stream's or an index's is not). */
    private static ResourceRef tableArn(String arn) {
        try {
            ResourceRef ref = ResourceRef.fromArn(arn);
            return ref.service() == AwsService.DYNAMODB && arn.endsWith(":table/" + ref.name()) ? ref : null;
        } catch (IllegalArgumentException notAnArn) {
            return null;
        }
    }

    /** AWS reports a name that breaks both the pattern and a length bound as two errors, pattern first. */
    static void checkName(String name, String member) {
        List<String> details = new ArrayList<>();
        String value = "'" + name + "'";
        if (!TABLE_NAME.matcher(name).matches()) {
            details.add(ModelConstraints.detail(value, member,
                    "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"));
        }
        if (name.length() < 3 || name.length() > 255) {
            details.add(ModelConstraints.detail(value, member, name.length() < 3
                    ? "Member must have length greater than or equal to 3"
                    : "Member must have length less than or equal to 255"));
        }
        if (!details.isEmpty()) {
            throw new ModelConstraints.Violation(details);
        }
    }

    /** An enum parameter, checked against its values; {@code fallback} when absent. */
    static String choice(Input input, String parameter, String member, String fallback, List<String> allowed) {
        String value = input.string(parameter);
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            throw DynamoDbErrors.constraint("'" + value + "'", member, "Member must satisfy enum value set: "
                    + allowed);
        }
        return value;
    }

    /** ReturnConsumedCapacity: INDEXES, TOTAL or NONE. */
    static String consumedCapacity(Input input) {
        return choice(input, "ReturnConsumedCapacity", "returnConsumedCapacity", "NONE",
                List.of("INDEXES", "TOTAL", "NONE"));
    }

    /** Fails for the legacy conditional parameters, which the engine does not support. */
    static void refuseLegacy(Input input, String... parameters) {
        for (String parameter : parameters) {
            if (input.has(parameter)) {
                String replacement = replacement(parameter);
                if (input.has(replacement)) {
                    throw DynamoDbErrors.validation("Can not use both expression and non-expression parameters in the "
                            + "same request: Non-expression parameters: {" + parameter + "} Expression parameters: {"
                            + replacement + "}");
                }
                throw DynamoDbErrors.legacyParameter(parameter, replacement);
            }
        }
    }

    private static String replacement(String parameter) {
        switch (parameter) {
            case "Expected":
                return "ConditionExpression";
            case "AttributeUpdates":
                return "UpdateExpression";
            case "KeyConditions":
                return "KeyConditionExpression";
            case "QueryFilter":
            case "ScanFilter":
                return "FilterExpression";
            case "AttributesToGet":
                return "ProjectionExpression";
            default:
                return "ConditionExpression";
        }
    }

    /** An integer parameter within bounds, or null when absent. */
    static Integer bounded(Input input, String parameter, String member, int min, int max) {
        Integer value;
        try {
            value = input.integer(parameter);
        } catch (RuntimeException e) {
            throw DynamoDbErrors.constraint("'" + input.node().get(parameter) + "'", member,
                    "Member must be an integer");
        }
        if (value == null) {
            return null;
        }
        if (value < min) {
            throw DynamoDbErrors.constraint("'" + value + "'", member,
                    "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw DynamoDbErrors.constraint("'" + value + "'", member, "Member must have value less than or equal to "
                    + max);
        }
        return value;
    }
}
