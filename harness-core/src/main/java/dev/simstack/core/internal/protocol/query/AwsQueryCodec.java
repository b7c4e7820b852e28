package dev.simstack.core.internal.protocol.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.protocol.Errors;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import dev.simstack.core.internal.protocol.HttpAnswer;
import dev.simstack.core.internal.protocol.HttpExchange;
import dev.simstack.core.internal.protocol.ProtocolCodec;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * AWS Query: form-encoded {@code Action=...&Version=...} (in the body of a POST or the query string of a
 * GET), answered with {@code <ActionResponse><ActionResult>...</ActionResult><ResponseMetadata>} XML and
 * errors as {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>}.
 */
public final class AwsQueryCodec implements ProtocolCodec {

    /** Parameters that carry the request's envelope or signature rather than the operation's input. */
    private static final List<String> ENVELOPE = List.of("Action", "Version", "X-Amz-Algorithm", "X-Amz-Credential",
            "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Security-Token",
            "AWSAccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "Timestamp", "Expires");

    /** A resource URL's path, {@code /account/name}, as in an SQS queue URL. */
    private static final Pattern RESOURCE_PATH = Pattern.compile("/[^/]+/[^/]+");

    @Override
    public String name() {
        return "query";
    }

    /** The form parameters of a Query request: the query string's, then the form body's. */
    public static Map<String, String> parameters(HttpExchange exchange) {
        Map<String, String> params = new LinkedHashMap<>();
        exchange.query().forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        if (exchange.body().length > 0) {
            String form = new String(exchange.body(), StandardCharsets.UTF_8);
            QueryStringDecoder decoder = new QueryStringDecoder(form, StandardCharsets.UTF_8, false, 10_000);
            decoder.parameters().forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        }
        return params;
    }

    @Override
    public Decoded decode(HttpExchange exchange, ServiceDescriptor service) {
        Map<String, String> params;
        try {
            params = parameters(exchange);
        } catch (IllegalArgumentException e) {
            throw new AwsException("MalformedQueryString", 400, "The query string is malformed: " + e.getMessage());
        }
        String action = params.get("Action");
        if (action == null || action.isEmpty()) {
            throw Errors.missingParameter("Action");
        }
        ENVELOPE.forEach(params::remove);
        String pathMember = service.queryShapes().pathMember();
        if (pathMember != null && !params.containsKey(pathMember) && RESOURCE_PATH.matcher(exchange.path()).matches()) {
            String host = exchange.headers().get("Host");
            params.put(pathMember, "http://" + (host == null ? "localhost" : host) + exchange.path());
        }
        QueryInputReader reader = new QueryInputReader(service.queryShapes(), action);
        return new Decoded(action, reader.read(params));
    }

    @Override
    public HttpAnswer success(ServiceDescriptor service, String operation, String requestId, JsonNode output) {
        StringBuilder xml = new StringBuilder(256);
        xml.append("<?xml version=\"1.0\"?><").append(operation).append("Response xmlns=\"")
                .append(service.queryShapes().xmlNamespace()).append("\">");
        // Always present, even when empty: botocore (AWS CLI 2.9, boto3 1.26) looks the element up by name
        // and fails on an empty ListQueues or ReceiveMessage answer without it.
        xml.append('<').append(operation).append("Result>");
        if (output != null) {
            new QueryXmlWriter(service.queryShapes(), operation, xml).writeMembers(output);
        }
        xml.append("</").append(operation).append("Result>");
        xml.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata></")
                .append(operation).append("Response>");
        return answer(200, requestId, xml);
    }

    @Override
    public HttpAnswer error(ServiceDescriptor service, String operation, String requestId, AwsException error) {
        StringBuilder xml = new StringBuilder(256);
        String namespace = service == null || service.queryShapes() == null ? ""
                : " xmlns=\"" + service.queryShapes().xmlNamespace() + "\"";
        xml.append("<?xml version=\"1.0\"?><ErrorResponse").append(namespace).append("><Error><Type>")
                .append(error.senderFault() ? "Sender" : "Receiver").append("</Type><Code>");
        QueryXmlWriter.escape(error.queryCode(), xml);
        xml.append("</Code><Message>");
        QueryXmlWriter.escape(String.valueOf(error.getMessage()), xml);
        xml.append("</Message><Detail/></Error><RequestId>").append(requestId).append("</RequestId></ErrorResponse>");
        return answer(error.status(), requestId, xml);
    }

    private static HttpAnswer answer(int status, String requestId, StringBuilder xml) {
        return new HttpAnswer(status, "text/xml", Map.of("x-amzn-RequestId", requestId),
                xml.toString().getBytes(StandardCharsets.UTF_8));
    }
}
