package dev.simstack.junit.burst;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A Lambda proxy handler: answers 201 for a PUT, 200 for a GET, with the order id it was called for. */
public final class OrderApiHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> parameters = (Map<String, Object>) event.get("pathParameters");
        String method = String.valueOf(((Map<String, Object>) ((Map<String, Object>) event.get("requestContext"))
                .get("http")).get("method"));
        return Map.of("statusCode", method.equals("PUT") ? 201 : 200,
                "headers", Map.of("content-type", "text/plain"),
                "body", "order " + parameters.get("id"));
    }
}
