package dev.simstack.core.apigateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/** Lambda authorizers of HTTP APIs, answering in the two shapes "Lambda authorizers for HTTP APIs" shows. */
public final class HttpAuthorizerHandlers {

    private HttpAuthorizerHandlers() {
    }

    /**
     * Payload format 2.0 with simple responses: authorizes the token {@code allow}, refuses any other; the context
     * names the request that was asked (so a cached answer shows which request it came from) and the event's type.
     */
    public static final class Simple implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            Map<String, Object> requestContext = (Map<String, Object>) event.get("requestContext");
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("user", "ada");
            values.put("tier", 3);
            values.put("askedBy", requestContext.get("requestId"));
            values.put("seen", event.get("version") + " " + event.get("type") + " " + event.get("identitySource")
                    + " " + event.get("routeArn"));
            return Map.of("isAuthorized", "allow".equals(((java.util.List<?>) event.get("identitySource")).get(0)),
                    "context", values);
        }
    }

    /** Payload format 1.0: an IAM policy allowing the route ARN for the token {@code allow}, denying it otherwise. */
    public static final class Policy implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            String effect = "allow".equals(event.get("identitySource")) ? "Allow" : "Deny";
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("version", event.get("version"));
            values.put("type", event.get("type"));
            return AuthorizerHandlers.policy("user-ada", effect, (String) event.get("methodArn"), values);
        }
    }

    /** Answers something that is not a verdict. */
    public static final class NotAVerdict implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            return Map.of("isAuthorized", "yes");
        }
    }
}
