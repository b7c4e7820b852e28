package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.Comparator;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * apigateway's CreateDomainName, GetDomainName, GetDomainNames, UpdateDomainName (patch) and DeleteDomainName. An
 * EDGE domain name (the default) answers its CloudFront distribution, a REGIONAL one its regional domain name.
 */
final class DomainNameActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The patch paths UpdateDomainName takes, to the member each sets. */
    private static final Map<String, String> PATCHABLE = Map.of("/certificateArn", "certificateArn",
            "/certificateName", "certificateName", "/regionalCertificateArn", "regionalCertificateArn",
            "/regionalCertificateName", "regionalCertificateName", "/securityPolicy", "securityPolicy",
            "/endpointConfiguration/types/0", "endpointType");

    private final CustomDomains domains;

    DomainNameActions(CustomDomains domains) {
        this.domains = domains;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put("CreateDomainName", this::create);
        operations.put("GetDomainName", (call, input) -> json(domain(call, input), call.region()));
        operations.put("GetDomainNames", this::list);
        operations.put("UpdateDomainName", this::update);
        operations.put("DeleteDomainName", this::delete);
    }

    private JsonNode create(DecodedCall call, Input input) {
        JsonNode types = input.node().path("endpointConfiguration").path("types");
        String type = types.size() > 0 ? types.get(0).asText() : "EDGE";
        if (types.size() > 1) {
            throw ControlPlane.badRequest("Invalid endpoint configuration: a domain name has one endpoint type; "
                    + "got " + types);
        }
        CustomDomain.Settings settings = new CustomDomain.Settings(type, input.string("certificateArn"),
                input.string("certificateName"), input.string("regionalCertificateArn"),
                input.string("regionalCertificateName"),
                input.string("securityPolicy") == null ? "TLS_1_2" : input.string("securityPolicy"));
        return json(domains.create(call.region(), input.string("domainName"), settings, input.stringMap("tags")),
                call.region());
    }

    private JsonNode list(DecodedCall call, Input input) {
        ObjectNode output = NODES.objectNode();
        ArrayNode items = output.putArray("item");
        domains.plane().regions().region(call.region()).domainNames().values().stream()
                .sorted(Comparator.comparing(CustomDomain::name)).forEach(d -> items.add(json(d, call.region())));
        return output;
    }

    private JsonNode update(DecodedCall call, Input input) {
        CustomDomain domain = domain(call, input);
        ObjectNode members = settingsJson(domain.settings());
        for (JsonNode operation : input.node().path("patchOperations")) {
            String path = operation.path("path").asText();
            String member = PATCHABLE.get(path);
            String op = operation.path("op").asText();
            if (member == null) {
                throw ControlPlane.badRequest("Invalid patch path '" + path + "' specified for op '" + op
                        + "'. Must be one of: " + new java.util.TreeSet<>(PATCHABLE.keySet()));
            }
            switch (op) {
                case "replace", "add" -> members.put(member, operation.path("value").asText(null));
                case "remove" -> members.remove(member);
                default -> throw ControlPlane.badRequest("Invalid patch operation specified. Must be 'add'|'remove'|"
                        + "'replace' for this resource; got '" + op + "'");
            }
        }
        domain.settings(CustomDomains.checked(new CustomDomain.Settings(members.path("endpointType").asText(),
                text(members, "certificateArn"), text(members, "certificateName"),
                text(members, "regionalCertificateArn"), text(members, "regionalCertificateName"),
                members.path("securityPolicy").asText())));
        return json(domain, call.region());
    }

    private JsonNode delete(DecodedCall call, Input input) {
        CustomDomain domain = domain(call, input);
        domains.plane().regions().region(call.region()).domainNames().remove(domain.name(), domain);
        return NODES.objectNode();
    }

    private CustomDomain domain(DecodedCall call, Input input) {
        return domains.domain(call.region(), input.requiredString("domain_name"));
    }

    /** The domain name as apigateway answers it. */
    static ObjectNode json(CustomDomain domain, String region) {
        CustomDomain.Settings settings = domain.settings();
        ObjectNode json = NODES.objectNode();
        json.put("domainName", domain.name());
        json.put("domainNameId", domain.hostId());
        putText(json, "certificateName", settings.certificateName());
        putText(json, "certificateArn", settings.certificateArn());
        if (settings.endpointType().equals("REGIONAL")) {
            json.put("regionalDomainName", domain.regionalDomainName(region));
            putText(json, "regionalHostedZoneId", CustomDomains.regionalHostedZone(region));
            putText(json, "regionalCertificateName", settings.regionalCertificateName());
            putText(json, "regionalCertificateArn", settings.regionalCertificateArn());
        } else {
            json.put("certificateUploadDate", domain.createdAt() / 1000);
            json.put("distributionDomainName", domain.distributionDomainName());
            json.put("distributionHostedZoneId", CustomDomains.EDGE_HOSTED_ZONE);
        }
        json.putObject("endpointConfiguration").putArray("types").add(settings.endpointType());
        json.put("domainNameStatus", "AVAILABLE");
        json.put("securityPolicy", settings.securityPolicy());
        ObjectNode tags = json.putObject("tags");
        domain.tags().forEach(tags::put);
        return json;
    }

    private static ObjectNode settingsJson(CustomDomain.Settings settings) {
        ObjectNode json = NODES.objectNode();
        json.put("endpointType", settings.endpointType());
        putText(json, "certificateArn", settings.certificateArn());
        putText(json, "certificateName", settings.certificateName());
        putText(json, "regionalCertificateArn", settings.regionalCertificateArn());
        putText(json, "regionalCertificateName", settings.regionalCertificateName());
        json.put("securityPolicy", settings.securityPolicy());
        return json;
    }

    private static void putText(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    private static String text(JsonNode json, String name) {
        JsonNode value = json.path(name);
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
