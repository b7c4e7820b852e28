package dev.simstack.core.apigateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/** Functions behind the test APIs. */
public final class ApiHandlers {

    private ApiHandlers() {
    }

    /** Answers the event it got as its body, so tests can read the event's exact shape. */
    public static final class EventEcho implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
            ByteArrayOutputStream event = new ByteArrayOutputStream();
            input.transferTo(event);
            String body = event.toString(StandardCharsets.UTF_8).replace("\\", "\\\\").replace("\"", "\\\"");
            output.write(("{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":\""
                    + body + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A typed v1 handler. */
    public static final class OrderApi implements RequestHandler<APIGatewayProxyRequestEvent,
            APIGatewayProxyResponseEvent> {
        @Override
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
            return new APIGatewayProxyResponseEvent().withStatusCode(201)
                    .withHeaders(Map.of("X-Order", event.getPathParameters().get("id"), "Content-Type", "text/plain"))
                    .withBody("created " + event.getPathParameters().get("id") + " via " + event.getHttpMethod()
                            + " q=" + event.getMultiValueQueryStringParameters().get("q"));
        }
    }

    /** A typed v2 handler. */
    public static final class ItemApi implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("content-type", "text/plain"))
                    .withBody(event.getRequestContext().getHttp().getMethod() + " " + event.getRawPath() + " "
                            + event.getPathParameters() + " cookies=" + event.getCookies()).build();
        }
    }

    /** Returns a plain object: fine for an HTTP API, a malformed proxy response for a REST API. */
    public static final class PlainObject implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            return Map.of("ok", true);
        }
    }

    public static final class Failing implements RequestHandler<Map<String, Object>, Object> {
        @Override
        public Object handleRequest(Map<String, Object> event, Context context) {
            throw new IllegalStateException("boom");
        }
    }

    /** Blocks until its gate opens or it is interrupted. */
    public static final class Slow implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        public static final ConcurrentHashMap<String, CountDownLatch> GATES = new ConcurrentHashMap<>();

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            try {
                GATES.computeIfAbsent("slow", g -> new CountDownLatch(1)).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of("statusCode", 200, "body", "late");
        }
    }
}
