package dev.simstack.core.internal.protocol.restxml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.simstack.core.AwsException;
import dev.simstack.core.SimClock;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import dev.simstack.core.internal.protocol.HttpAnswer;
import dev.simstack.core.internal.protocol.HttpExchange;
import dev.simstack.core.internal.protocol.ProtocolCodec;
import dev.simstack.core.internal.protocol.StreamedAnswerBody;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * REST-XML as S3 speaks it: the operation from method, path and query ({@link RestOperations}), the
 * bucket from the Host or the path ({@link BucketAddress}), bodies possibly {@code aws-chunked}; answers
 * as headers plus an XML document or the object's bytes; errors as
 * {@code <Error><Code/><Message/>...<RequestId/><HostId/></Error>}, with no body for HEAD (HTTP forbids
 * one), and {@code x-amz-request-id} / {@code x-amz-id-2} on every answer.
 */
public final class RestXmlCodec implements ProtocolCodec {

    /** Presigning parameters: the request's signature, not the operation's input. */
    private static final List<String> SIGNATURE_PARAMETERS = List.of("X-Amz-Algorithm", "X-Amz-Credential",
            "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Security-Token");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RestOperations operations;
    private final SimClock clock;

    public RestXmlCodec(RestOperations operations, SimClock clock) {
        this.operations = operations;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "rest-xml";
    }

    @Override
    public Decoded decode(HttpExchange exchange, ServiceDescriptor service) {
        Map<String, String> query = new LinkedHashMap<>();
        exchange.query().forEach((name, values) -> query.put(name, values.isEmpty() ? "" : values.get(0)));
        PresignedExpiry.check(query, clock.now());
        SIGNATURE_PARAMETERS.forEach(query::remove);
        BucketAddress address = BucketAddress.of(exchange.headers().get("Host"), exchange.path());
        String operation = operations.resolve(exchange.method(), address.bucket(), address.key(), query,
                exchange.headers());
        ObjectNode input = NODES.objectNode();
        input.put(RestInput.BUCKET, address.bucket());
        input.put(RestInput.KEY, address.key());
        input.put(RestInput.METHOD, exchange.method());
        ObjectNode headers = input.putObject(RestInput.HEADERS);
        for (Map.Entry<String, String> header : exchange.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            JsonNode previous = headers.get(name);
            headers.put(name, previous == null ? header.getValue() : previous.asText() + "," + header.getValue());
        }
        ObjectNode queryNode = input.putObject(RestInput.QUERY);
        query.forEach(queryNode::put);
        input.set(RestInput.BODY, new POJONode(RequestPayload.of(exchange)));
        return new Decoded(operation, input);
    }

    @Override
    public HttpAnswer success(ServiceDescriptor service, String operation, String requestId, JsonNode output) {
        int status = output.path(RestOutput.STATUS).asInt(200);
        Map<String, String> headers = ids(requestId);
        output.path(RestOutput.HEADERS).properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        JsonNode xml = output.get(RestOutput.XML);
        if (xml != null) {
            return new HttpAnswer(status, "application/xml", headers, xml.asText().getBytes(StandardCharsets.UTF_8));
        }
        JsonNode body = output.get(RestOutput.BODY);
        String contentType = headers.remove("Content-Type");
        if (body instanceof POJONode pojo && pojo.getPojo() instanceof StreamedAnswerBody streamed) {
            return new HttpAnswer(status, contentType, headers, new byte[0], streamed);
        }
        return new HttpAnswer(status, contentType, headers, new byte[0]);
    }

    @Override
    public HttpAnswer error(ServiceDescriptor service, String operation, String requestId, AwsException error) {
        Map<String, String> headers = ids(requestId);
        if (error instanceof RestXmlError rest) {
            headers.putAll(rest.headers());
        }
        if (operation.startsWith("Head") || error.status() == 304) {
            return new HttpAnswer(error.status(), null, headers, new byte[0]);
        }
        StringBuilder xml = new StringBuilder(256).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>");
        element(xml, "Code", error.code());
        element(xml, "Message", String.valueOf(error.getMessage()));
        if (error instanceof RestXmlError rest) {
            rest.details().forEach((name, value) -> element(xml, name, value));
        }
        element(xml, "RequestId", requestId);
        element(xml, "HostId", headers.get("x-amz-id-2"));
        xml.append("</Error>");
        return new HttpAnswer(error.status(), "application/xml", headers,
                xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append('<').append(name).append('>');
        XmlWriter.escape(value, xml);
        xml.append("</").append(name).append('>');
    }

    /** S3's request id pair: the id, and the "extended" host id, here derived from it. */
    private static Map<String, String> ids(String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amz-request-id", requestId);
        headers.put("x-amz-id-2", Base64.getEncoder().encodeToString(requestId.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }
}
