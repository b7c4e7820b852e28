package dev.simstack.core.internal.protocol.restxml;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.protocol.StreamedAnswerBody;

/**
 * The output of a REST-XML call, built fluently: status (200 unless set), headers, and either an XML
 * document or a streamed body. It is a JSON node, as every service output is, so interceptors can read
 * the status, headers and document; the streamed body rides along as an opaque member.
 */
public final class RestOutput {

    static final String STATUS = "$status";
    static final String HEADERS = "$headers";
    static final String XML = "$xml";
    static final String BODY = "$body";

    private final ObjectNode node = JsonNodeFactory.instance.objectNode();

    private RestOutput() {
        node.putObject(HEADERS);
    }

    /** A 200 answer with no body yet. */
    public static RestOutput ok() {
        return new RestOutput();
    }

    /** A 200 answer carrying {@code xml}. */
    public static RestOutput xml(String xml) {
        RestOutput output = new RestOutput();
        output.node.put(XML, xml);
        return output;
    }

    public RestOutput status(int status) {
        node.put(STATUS, status);
        return this;
    }

    /** Sets a header; a null value leaves it out, as S3 leaves out absent members. */
    public RestOutput header(String name, Object value) {
        if (value != null) {
            ((ObjectNode) node.get(HEADERS)).put(name, String.valueOf(value));
        }
        return this;
    }

    /** The answer's body, streamed; its Content-Type is the {@code Content-Type} header set here. */
    public RestOutput body(StreamedAnswerBody body) {
        node.putPOJO(BODY, body);
        return this;
    }

    public ObjectNode node() {
        return node;
    }
}
