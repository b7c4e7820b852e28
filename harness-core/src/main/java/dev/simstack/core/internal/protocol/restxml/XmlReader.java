package dev.simstack.core.internal.protocol.restxml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A parsed REST-XML request document ({@code <Delete>}, {@code <CompleteMultipartUpload>}, ...), read by
 * element name whatever its namespace. A document that does not parse, or whose root is not the expected
 * one, is S3's {@code MalformedXML}.
 */
public final class XmlReader {

    private final Element element;

    private XmlReader(Element element) {
        this.element = element;
    }

    /** Parses {@code body}, whose root must be {@code root}. DTDs are refused (no entity expansion). */
    public static XmlReader parse(byte[] body, String root) {
        if (body.length == 0) {
            throw malformed();
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Element rootElement = builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
            if (!root.equals(rootElement.getLocalName())) {
                throw malformed();
            }
            return new XmlReader(rootElement);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw malformed();
        }
    }

    private static RestXmlError malformed() {
        return new RestXmlError("MalformedXML", 400,
                "The XML you provided was not well-formed or did not validate against our published schema");
    }

    /** The child elements named {@code name}, in order. */
    public List<XmlReader> children(String name) {
        List<XmlReader> found = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && name.equals(child.getLocalName())) {
                found.add(new XmlReader(child));
            }
        }
        return found;
    }

    /** The first child named {@code name}, or null. */
    public XmlReader child(String name) {
        List<XmlReader> found = children(name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The text of the first child named {@code name}, or null if there is none. */
    public String text(String name) {
        XmlReader child = child(name);
        return child == null ? null : child.text();
    }

    /** The attribute {@code localName} of namespace {@code namespace} (null: none), or null if absent. */
    public String attribute(String namespace, String localName) {
        String value = element.getAttributeNS(namespace, localName);
        return value == null || value.isEmpty() ? null : value;
    }

    /** This element's text content. */
    public String text() {
        return element.getTextContent();
    }

    /** The text of child {@code name}; MalformedXML if it is absent. */
    public String requiredText(String name) {
        String text = text(name);
        if (text == null) {
            throw malformed();
        }
        return text;
    }
}
