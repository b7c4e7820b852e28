package dev.simstack.core.internal.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.stack.Engine;
import dev.simstack.core.internal.protocol.HttpAnswer;
import dev.simstack.core.internal.protocol.HttpExchange;
import dev.simstack.core.internal.protocol.json.JsonTrees;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS API calls a resource file makes, as wire requests answered by the engine without a socket: the
 * same codecs and validation as any client's call, so a file can ask for nothing a client could not.
 */
final class LocalCalls {

    private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern XML_MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

    private final Engine engine;
    private final JsonTrees json = new JsonTrees();

    LocalCalls(Engine engine) {
        this.engine = engine;
    }

    /** An AWS JSON protocol call ({@code X-Amz-Target: prefix.operation}); its output. */
    JsonNode json(String signingName, String targetPrefix, String operation, String region, JsonNode input) {
        HttpHeaders headers = headers(signingName, region);
        headers.set("Content-Type", "application/x-amz-json-1.0");
        headers.set("X-Amz-Target", targetPrefix + "." + operation);
        HttpAnswer answer = send(new HttpExchange("POST", "/", Map.of(), headers, json.write(input)));
        return output(operation, answer);
    }

    /** A REST-JSON call (Lambda); its output, or an empty object when the answer has no body. */
    JsonNode restJson(String signingName, String method, String path, String region, JsonNode input,
            String operation) {
        HttpHeaders headers = headers(signingName, region);
        headers.set("Content-Type", "application/json");
        byte[] body = input == null ? new byte[0] : json.write(input);
        HttpAnswer answer = send(new HttpExchange(method, path, Map.of(), headers, body));
        return output(operation, answer);
    }

    /** A REST-XML call (S3); fails on an error answer. */
    void restXml(String method, String path, Map<String, List<String>> query, String region, String xmlBody,
            String operation) {
        HttpHeaders headers = headers("s3", region);
        byte[] body = xmlBody == null ? new byte[0] : xmlBody.getBytes(StandardCharsets.UTF_8);
        if (body.length > 0) {
            headers.set("Content-Type", "application/xml");
        }
        headers.set("Content-Length", body.length);
        HttpAnswer answer = send(new HttpExchange(method, path, query, headers, body));
        if (answer.status() >= 300) {
            String text = new String(answer.body(), StandardCharsets.UTF_8);
            throw new CallFailedException(operation, group(XML_CODE, text), group(XML_MESSAGE, text));
        }
    }

    private HttpHeaders headers(String signingName, String region) {
        HttpHeaders headers = new DefaultHttpHeaders();
        headers.set("Host", engine.hostAndPort());
        // Unsigned in substance, like every request the engine takes; the scope names region and service.
        headers.set("Authorization", "AWS4-HMAC-SHA256 Credential=simstack-resources/20260101/" + region + "/"
                + signingName + "/aws4_request, SignedHeaders=host, Signature=0");
        return headers;
    }

    private HttpAnswer send(HttpExchange exchange) {
        try {
            return engine.handleLocally(exchange).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceFileException("interrupted while creating resources", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ResourceFileException("the engine did not answer " + exchange.method() + " " + exchange.path()
                    + ": " + e, e);
        }
    }

    private JsonNode output(String operation, HttpAnswer answer) {
        JsonNode body;
        try {
            body = answer.body().length == 0 ? json.read("{}") : json.read(answer.body());
        } catch (IOException e) {
            throw new ResourceFileException(operation + " answered " + answer.status() + " with a body that is not"
                    + " JSON", e);
        }
        if (answer.status() >= 300) {
            String type = body.hasNonNull("__type") ? body.get("__type").asText() : errorTypeHeader(answer);
            String code = type.substring(type.lastIndexOf('#') + 1);
            int colon = code.indexOf(':');
            code = colon < 0 ? code : code.substring(0, colon);
            String message = body.has("message") ? body.path("message").asText() : body.path("Message").asText();
            throw new CallFailedException(operation, code, message);
        }
        return body;
    }

    private static String errorTypeHeader(HttpAnswer answer) {
        return answer.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("x-amzn-ErrorType"))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : "";
    }

    /** An API call that the service refused: its error code and message. */
    static final class CallFailedException extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final String code;

        CallFailedException(String operation, String code, String message) {
            super(operation + " failed: " + code + ": " + message);
            this.code = code;
        }

        String code() {
            return code;
        }
    }
}
