package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The IAM policy a Lambda authorizer returns, evaluated as IAM does for {@code execute-api:Invoke} on a
 * method ARN ({@code arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/METHOD/PATH}): an explicit Deny wins, then an
 * Allow, and a policy that allows nothing that fits denies implicitly. Actions and resources take IAM's
 * wildcards, {@code *} (any run of characters, {@code /} included) and {@code ?} (one character).
 */
final class AuthorizerPolicy {

    /** What the policy says of one method ARN. */
    enum Decision { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

    private record Statement(boolean allow, List<Pattern> actions, List<Pattern> resources) {
    }

    private final List<Statement> statements;
    private final String document;

    private AuthorizerPolicy(List<Statement> statements, String document) {
        this.statements = statements;
        this.document = document;
    }

    /** The policy document as the function returned it (TestInvokeAuthorizer's {@code policy}). */
    String document() {
        return document;
    }

    /** The policy of {@code document}, or null when it is not a policy (no Statement, an Effect not Allow/Deny). */
    static AuthorizerPolicy parse(JsonNode document) {
        if (document == null || !document.isObject()) {
            return null;
        }
        JsonNode statementNode = document.get("Statement");
        if (statementNode == null || !(statementNode.isArray() || statementNode.isObject())) {
            return null;
        }
        List<Statement> statements = new ArrayList<>();
        for (JsonNode statement : statementNode.isArray() ? statementNode : List.of(statementNode)) {
            String effect = statement.path("Effect").asText();
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                return null;
            }
            statements.add(new Statement(effect.equals("Allow"), patterns(statement.path("Action"), true),
                    patterns(statement.path("Resource"), false)));
        }
        return new AuthorizerPolicy(statements, document.toString());
    }

    Decision evaluate(String methodArn) {
        boolean allowed = false;
        for (Statement statement : statements) {
            boolean invokes = statement.actions().stream().anyMatch(p -> p.matcher("execute-api:invoke").matches());
            boolean covers = statement.resources().stream().anyMatch(p -> p.matcher(methodArn).matches());
            if (invokes && covers) {
                if (!statement.allow()) {
                    return Decision.EXPLICIT_DENY;
                }
                allowed = true;
            }
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    /** A string or a list of strings, as IAM writes Action and Resource. */
    private static List<Pattern> patterns(JsonNode node, boolean ignoreCase) {
        List<Pattern> patterns = new ArrayList<>();
        if (node.isTextual()) {
            patterns.add(wildcard(node.asText(), ignoreCase));
        } else {
            node.forEach(value -> patterns.add(wildcard(value.asText(), ignoreCase)));
        }
        return patterns;
    }

    /** IAM's wildcards; actions compare without case, as IAM's do, resources with it. */
    private static Pattern wildcard(String text, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (String part : text.split("((?<=[*?])|(?=[*?]))")) {
            regex.append(switch (part) {
                case "*" -> ".*";
                case "?" -> ".";
                default -> Pattern.quote(part);
            });
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0));
    }
}
