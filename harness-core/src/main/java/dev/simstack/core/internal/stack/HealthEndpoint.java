package dev.simstack.core.internal.stack;

import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.protocol.HttpAnswer;
import dev.simstack.core.internal.protocol.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code GET /_simstack/health}, and LocalStack's {@code /_localstack/health} shape so that CI wait loops
 * written for LocalStack work unchanged: each service the stack serves, reported {@code running}.
 */
public final class HealthEndpoint {

    private final byte[] body;

    public HealthEndpoint(ServiceRegistry services, String version) {
        StringBuilder json = new StringBuilder("{\"services\":{");
        boolean first = true;
        for (Service service : services.all()) {
            json.append(first ? "" : ",").append('"').append(service.descriptor().signingName()).append("\":\"running\"");
            first = false;
        }
        json.append("},\"edition\":\"simstack\",\"version\":\"").append(version).append("\"}");
        this.body = json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The health answer if {@code exchange} asks for it, else null. */
    public HttpAnswer answer(HttpExchange exchange) {
        String path = exchange.path();
        if (!path.equals("/_simstack/health") && !path.equals("/_localstack/health")) {
            return null;
        }
        if (!exchange.method().equals("GET") && !exchange.method().equals("HEAD")) {
            return null;
        }
        return new HttpAnswer(200, "application/json", Map.of(), body);
    }
}
