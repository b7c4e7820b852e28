package dev.simstack.core.internal.services.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Checks that a policy document has the grammar of an IAM policy (AWS's "IAM JSON policy elements"):
 * a JSON object with a {@code Statement} of one or more statements, each with an {@code Effect} of
 * {@code Allow} or {@code Deny} and actions; a trust policy names principals and no resources, an identity
 * policy names resources and no principal. The documents are stored, never evaluated.
 */
final class PolicyDocuments {

    /** Which grammar a document follows. */
    enum Kind { TRUST, IDENTITY }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VERSIONS = List.of("2012-10-17", "2008-10-17");

    private PolicyDocuments() {
    }

    /**
     * @throws dev.simstack.core.AwsException MalformedPolicyDocument saying what is wrong
     */
    static void check(String document, Kind kind) {
        JsonNode policy = parse(document);
        JsonNode version = policy.get("Version");
        if (version != null && !VERSIONS.contains(version.asText())) {
            throw IamErrors.malformedPolicyDocument("The policy failed legacy parsing");
        }
        JsonNode statements = policy.get("Statement");
        if (statements == null || statements.isArray() && statements.isEmpty()) {
            throw IamErrors.malformedPolicyDocument("Syntax errors in policy.");
        }
        for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
            checkStatement(statement, kind);
        }
    }

    /** The size IAM counts against its quotas: the document's characters without white space. */
    static int size(String document) {
        return document.replaceAll("\\s", "").getBytes(StandardCharsets.UTF_8).length;
    }

    private static JsonNode parse(String document) {
        try {
            JsonNode policy = JSON.readTree(document);
            if (policy != null && policy.isObject()) {
                return policy;
            }
        } catch (JsonProcessingException notJson) {
            // answered below, as IAM answers it: without the parser's details
        }
        throw IamErrors.malformedPolicyDocument("Syntax errors in policy.");
    }

    private static void checkStatement(JsonNode statement, Kind kind) {
        if (!statement.isObject()) {
            throw IamErrors.malformedPolicyDocument("Syntax errors in policy.");
        }
        JsonNode effect = statement.get("Effect");
        if (effect == null) {
            throw IamErrors.malformedPolicyDocument("Missing required field Effect");
        }
        if (!effect.asText().equals("Allow") && !effect.asText().equals("Deny")) {
            throw IamErrors.malformedPolicyDocument("Invalid effect: " + effect.asText());
        }
        if (!statement.has("Action") && !statement.has("NotAction")) {
            throw IamErrors.malformedPolicyDocument("Policy statement must contain actions.");
        }
        boolean principal = statement.has("Principal") || statement.has("NotPrincipal");
        boolean resource = statement.has("Resource") || statement.has("NotResource");
        if (kind == Kind.TRUST && !principal) {
            throw IamErrors.malformedPolicyDocument("Missing required field Principal");
        }
        if (kind == Kind.TRUST && resource) {
            throw IamErrors.malformedPolicyDocument("Has prohibited field Resource");
        }
        if (kind == Kind.IDENTITY && principal) {
            throw IamErrors.malformedPolicyDocument("Policy document should not specify a principal.");
        }
        if (kind == Kind.IDENTITY && !resource) {
            throw IamErrors.malformedPolicyDocument("Policy statement must contain resources.");
        }
    }
}
