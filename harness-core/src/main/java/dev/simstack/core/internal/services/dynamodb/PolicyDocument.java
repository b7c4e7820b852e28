package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks PutResourcePolicy and CreateTable's {@code ResourcePolicy} make of a policy document, with AWS's
 * messages (answers AWS gave, recorded by AWS-verified suites): the 20 KB limit counting whitespace, JSON,
 * a non-empty {@code Statement}, the required fields of each statement, unique statement ids, and no
 * {@code Allow} to every principal without a condition. The policy is stored, not enforced.
 */
final class PolicyDocument {

    /** DynamoDB caps a resource-based policy at 20 KB, whitespace included. */
    static final int MAX_BYTES = 20480;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INVALID = "Invalid policy document: ";

    private PolicyDocument() {
    }

    /** Checks {@code text} and answers it as stored: the same JSON without whitespace. */
    static String check(String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw DynamoDbErrors.invalidParameters("Maximum policy size of " + MAX_BYTES + " bytes exceeded");
        }
        Parsed parsed = parse(text);
        JsonNode policy = parsed.tree;
        if (policy.isNull()) {
            throw invalid("This text appears not to be a policy");
        }
        if (!policy.isObject()) {
            throw invalid("This policy contains invalid Json");
        }
        JsonNode statements = policy.get("Statement");
        if (statements == null) {
            // what AWS answers for {}: the parser's position at the end of the document
            throw invalid("Syntax error at position (" + parsed.end.getLineNr() + "," + parsed.end.getColumnNr()
                    + ")");
        }
        List<JsonNode> list = statements.isArray() ? iterate(statements) : List.of(statements);
        if (list.isEmpty()) {
            throw invalid("Could not parse the policy: Statement is empty!");
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode statement : list) {
            checkStatement(statement, ids);
        }
        return policy.toString();
    }

    private static void checkStatement(JsonNode statement, Set<String> ids) {
        if (!statement.isObject()) {
            throw invalid("This policy contains invalid Json");
        }
        required(statement, "Effect");
        required(statement, "Principal", "NotPrincipal");
        required(statement, "Action", "NotAction");
        required(statement, "Resource", "NotResource");
        JsonNode sid = statement.get("Sid");
        if (sid != null && !ids.add(sid.asText())) {
            throw invalid("The Statement Ids in the policy are not unique");
        }
        if ("Allow".equals(statement.get("Effect").asText()) && !statement.has("Condition")
                && everyone(statement.get("Principal"))) {
            throw DynamoDbErrors.validation("Resource-based policy grants unbounded access in one or more elements. "
                    + "Please revise the policy to ensure least-privilege form of access");
        }
    }

    private static void required(JsonNode statement, String field, String... alternatives) {
        if (statement.has(field)) {
            return;
        }
        for (String alternative : alternatives) {
            if (statement.has(alternative)) {
                return;
            }
        }
        throw invalid("Missing required field " + field);
    }

    /** {@code "*"}, or {@code {"AWS": "*"}} (alone or in a list). */
    private static boolean everyone(JsonNode principal) {
        if (principal == null) {
            return false;
        }
        if (principal.isTextual()) {
            return principal.asText().equals("*");
        }
        JsonNode aws = principal.get("AWS");
        if (aws == null) {
            return false;
        }
        return aws.isArray() ? iterate(aws).stream().anyMatch(p -> p.asText().equals("*")) : aws.asText().equals("*");
    }

    private static List<JsonNode> iterate(JsonNode array) {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    private static Parsed parse(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            JsonNode tree = JSON.readTree(parser);
            if (tree == null || parser.nextToken() != null) {
                throw invalid("This policy contains invalid Json");
            }
            return new Parsed(tree, parser.currentLocation());
        } catch (JsonProcessingException malformed) {
            throw invalid("This policy contains invalid Json");
        } catch (IOException unreadable) {
            throw invalid("This policy contains invalid Json");
        }
    }

    private static RuntimeException invalid(String detail) {
        return DynamoDbErrors.invalidParameters(INVALID + detail);
    }

    private record Parsed(JsonNode tree, JsonLocation end) {
    }
}
