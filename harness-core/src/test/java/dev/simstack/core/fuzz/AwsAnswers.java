package dev.simstack.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** What any answer of an AWS front door looks like, by the protocol the request came in. */
final class AwsAnswers {

    /** The protocol a request speaks, as the engine's router and AWS's endpoints decide it. */
    enum Protocol { JSON, QUERY, NONE }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AwsAnswers() {
    }

    /** An answer whose status is not 5xx and not something no AWS endpoint answers. */
    static void assertNoServerError(int status, String body, String what) {
        assertThat(status).as("status answered to %s (body %s)", what, abbreviate(body)).isLessThan(500);
    }

    /**
     * A 2xx with a body of the protocol, or a 4xx with AWS's error shape in the protocol: JSON
     * {@code {"__type", "message"}} (plus {@code x-amzn-query-error} from SQS), Query XML
     * {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>}.
     */
    static void assertWellFormed(Protocol protocol, int status, String contentType, String queryError, String requestId,
            byte[] body, boolean fromSqs, String what) {
        String text = new String(body, StandardCharsets.UTF_8);
        assertNoServerError(status, text, what);
        assertThat(status).as("status answered to %s (body %s)", what, abbreviate(text))
                .satisfiesAnyOf(s -> assertThat(s).isBetween(200, 299), s -> assertThat(s).isBetween(400, 499));
        assertThat(requestId).as("x-amzn-RequestId answered to %s", what).isNotBlank();
        switch (protocol) {
            case JSON -> json(status, contentType, queryError, body, fromSqs, what);
            case QUERY -> query(status, body, what);
            case NONE -> {
                if (status >= 400) {
                    Element root = parseXml(body, what).getDocumentElement();
                    assertThat(descendants(root, "Code")).as("<Code> of the answer to %s", what).isNotEmpty();
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private static void json(int status, String contentType, String queryError, byte[] body, boolean fromSqs,
            String what) {
        assertThat(contentType).as("Content-Type answered to %s", what).startsWith("application/x-amz-json-1.");
        if (status < 400 && body.length == 0) {
            return;
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("the answer to " + what + " is not JSON: "
                    + abbreviate(new String(body, StandardCharsets.UTF_8)), e);
        }
        assertThat(node != null && node.isObject()).as("the answer to %s is a JSON object", what).isTrue();
        if (status >= 400) {
            assertThat(node.path("__type").isTextual() && !node.path("__type").textValue().isBlank())
                    .as("__type of the error answered to %s: %s", what, node).isTrue();
            assertThat(node.path("message").isTextual()).as("message of the error answered to %s: %s", what, node)
                    .isTrue();
            if (fromSqs) {
                assertThat(queryError).as("x-amzn-query-error answered to %s", what).isNotNull()
                        .matches("[A-Za-z0-9.]+;(Sender|Receiver)");
            }
        }
    }

    private static void query(int status, byte[] body, String what) {
        Element root = parseXml(body, what).getDocumentElement();
        if (status < 400) {
            assertThat(root.getLocalName()).as("root of the answer to %s", what).endsWith("Response");
            return;
        }
        assertThat(root.getLocalName()).as("root of the error answered to %s", what).isEqualTo("ErrorResponse");
        List<Element> errors = children(root, "Error");
        assertThat(errors).as("<Error> of the answer to %s", what).hasSize(1);
        assertThat(single(errors.get(0), "Type", what)).isIn("Sender", "Receiver");
        assertThat(single(errors.get(0), "Code", what)).isNotBlank();
        single(errors.get(0), "Message", what);
        assertThat(single(root, "RequestId", what)).isNotBlank();
    }

    private static Document parseXml(byte[] body, String what) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            return fail("the answer to " + what + " is not XML: " + abbreviate(new String(body, StandardCharsets.UTF_8)),
                    e);
        }
    }

    private static String single(Element parent, String name, String what) {
        List<Element> found = children(parent, name);
        assertThat(found).as("<%s> in <%s> answered to %s", name, parent.getLocalName(), what).hasSize(1);
        return found.get(0).getTextContent();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static List<Node> descendants(Element root, String name) {
        List<Node> found = new ArrayList<>();
        var list = root.getElementsByTagNameNS("*", name);
        for (int i = 0; i < list.getLength(); i++) {
            found.add(list.item(i));
        }
        if (name.equals(root.getLocalName())) {
            found.add(root);
        }
        return found;
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " chars)";
    }
}
