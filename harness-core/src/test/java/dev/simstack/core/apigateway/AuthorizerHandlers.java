package dev.simstack.core.apigateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lambda authorizers behind the test APIs, answering as AWS's blueprints do. */
public final class AuthorizerHandlers {

    private AuthorizerHandlers() {
    }

    static Map<String, Object> policy(String principal, String effect, String resource, Map<String, Object> context) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("principalId", principal);
        answer.put("policyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                "Action", "execute-api:Invoke", "Effect", effect, "Resource", resource))));
        answer.put("context", context);
        return answer;
    }

    /**
     * A TOKEN authorizer: {@code allow} allows every method of the API ({@code API/*}), {@code only-get} allows
     * exactly the method it was asked for, {@code deny} denies, {@code unauthorized} fails with AWS's
     * "Unauthorized", {@code nested} answers an object in its context, anything else fails.
     */
    public static final class Token implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            String token = (String) event.get("authorizationToken");
            String methodArn = (String) event.get("methodArn");
            String api = methodArn.substring(0, methodArn.indexOf('/'));
            Map<String, Object> values = Map.of("user", "ada", "tier", 3, "admin", true, "type", event.get("type"));
            return switch (token) {
                case "Bearer allow" -> policy("user-ada", "Allow", api + "/*", values);
                case "Bearer only-get" -> policy("user-ada", "Allow", methodArn, values);
                case "Bearer deny" -> policy("user-ada", "Deny", api + "/*", values);
                case "Bearer unauthorized" -> throw new IllegalStateException("Unauthorized");
                case "Bearer nested" -> policy("user-ada", "Allow", api + "/*", Map.of("user", Map.of("a", 1)));
                default -> throw new IllegalStateException("cannot read token " + token);
            };
        }
    }

    /** A REQUEST authorizer: allows when the query has {@code key=open}, and hands the event's shape on. */
    public static final class Request implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            Map<String, String> query = (Map<String, String>) event.get("queryStringParameters");
            Map<String, String> headers = (Map<String, String>) event.get("headers");
            String methodArn = (String) event.get("methodArn");
            Map<String, Object> values = Map.of("type", event.get("type"), "methodArn", methodArn,
                    "tenant", headers.get("X-Tenant"), "resource", event.get("resource"));
            return policy("tenant-" + headers.get("X-Tenant"), "open".equals(query.get("key")) ? "Allow" : "Deny",
                    methodArn, values);
        }
    }
}
