package dev.simstack.junit.backends;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * A Lambda proxy handler of an HTTP API deployed from a package on a remote backend: reads the 2.0 event as a map
 * (its {@code version} and body) and greets the body.
 */
public class GreetsHttp implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Map.of("statusCode", 201, "body", "hello " + event.get("body") + " (payload " + event.get("version")
                + ")");
    }
}
