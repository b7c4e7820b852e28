package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/** A region's custom domain names and their API mappings in a data directory's API Gateway snapshot. */
final class DomainNameSnapshots {

    private DomainNameSnapshots() {
    }

    static void export(ApiRegion region, ObjectNode json) {
        ArrayNode domains = json.putArray("domainNames");
        for (CustomDomain domain : region.domainNames().values()) {
            CustomDomain.Settings settings = domain.settings();
            ObjectNode entry = domains.addObject().put("name", domain.name()).put("hostId", domain.hostId())
                    .put("createdAt", domain.createdAt()).put("endpointType", settings.endpointType())
                    .put("certificateArn", settings.certificateArn()).put("certificateName", settings.certificateName())
                    .put("regionalCertificateArn", settings.regionalCertificateArn())
                    .put("regionalCertificateName", settings.regionalCertificateName())
                    .put("securityPolicy", settings.securityPolicy());
            domain.tags().forEach(entry.putObject("tags")::put);
            ArrayNode mappings = entry.putArray("mappings");
            domain.mappings().values().forEach(m -> mappings.addObject().put("id", m.id()).put("apiId", m.apiId())
                    .put("key", m.key()).put("stage", m.stage()));
        }
    }

    static void restore(JsonNode json, ApiRegion region) {
        for (JsonNode entry : json.path("domainNames")) {
            Map<String, String> tags = new HashMap<>();
            entry.path("tags").fields().forEachRemaining(t -> tags.put(t.getKey(), t.getValue().asText()));
            CustomDomain domain = new CustomDomain(entry.path("name").asText(), entry.path("hostId").asText(),
                    entry.path("createdAt").asLong(), tags, new CustomDomain.Settings(text(entry, "endpointType"),
                            text(entry, "certificateArn"), text(entry, "certificateName"),
                            text(entry, "regionalCertificateArn"), text(entry, "regionalCertificateName"),
                            text(entry, "securityPolicy")));
            for (JsonNode m : entry.path("mappings")) {
                domain.mappings().put(m.path("id").asText(), new CustomDomain.ApiMapping(m.path("id").asText(),
                        text(m, "apiId"), m.path("key").asText(""), text(m, "stage")));
            }
            region.domainNames().put(domain.name(), domain);
        }
    }

    private static String text(JsonNode json, String name) {
        JsonNode value = json.path(name);
        return value.isTextual() ? value.textValue() : null;
    }
}
