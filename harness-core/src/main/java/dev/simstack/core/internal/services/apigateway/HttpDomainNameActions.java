package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.BiFunction;

/**
 * apigatewayv2's CreateDomainName, GetDomainName, GetDomainNames, UpdateDomainName and DeleteDomainName: the same
 * domain names as apigateway's, answered with one {@code domainNameConfigurations} entry (REGIONAL by default).
 */
final class HttpDomainNameActions {

    private final CustomDomains domains;

    HttpDomainNameActions(CustomDomains domains) {
        this.domains = domains;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put(HttpApiRoutes.PREFIX + "CreateDomainName", this::create);
        operations.put(HttpApiRoutes.PREFIX + "GetDomainName", (call, input) -> json(domain(call, input),
                call.region()));
        operations.put(HttpApiRoutes.PREFIX + "GetDomainNames", this::list);
        operations.put(HttpApiRoutes.PREFIX + "UpdateDomainName", this::update);
        operations.put(HttpApiRoutes.PREFIX + "DeleteDomainName", this::delete);
    }

    private JsonNode create(DecodedCall call, Input input) {
        return json(domains.create(call.region(), input.string("domainName"), settings(input, null),
                input.stringMap("tags")), call.region());
    }

    private JsonNode list(DecodedCall call, Input input) {
        ObjectNode output = HttpControlPlane.NODES.objectNode();
        ArrayNode items = output.putArray("items");
        domains.plane().regions().region(call.region()).domainNames().values().stream()
                .sorted(Comparator.comparing(CustomDomain::name)).forEach(d -> items.add(json(d, call.region())));
        return output;
    }

    private JsonNode update(DecodedCall call, Input input) {
        CustomDomain domain = domain(call, input);
        if (input.node().has("domainNameConfigurations")) {
            domain.settings(CustomDomains.checked(settings(input, domain.settings())));
        }
        return json(domain, call.region());
    }

    private JsonNode delete(DecodedCall call, Input input) {
        CustomDomain domain = domain(call, input);
        domains.plane().regions().region(call.region()).domainNames().remove(domain.name(), domain);
        return HttpControlPlane.NODES.objectNode();
    }

    private CustomDomain domain(DecodedCall call, Input input) {
        return domains.domain(call.region(), input.requiredString("domainName"));
    }

    /**
     * The settings of the call's single {@code domainNameConfigurations} entry; a member it leaves out keeps
     * {@code current}'s (null on create: REGIONAL, TLS_1_2). The certificate is the endpoint type's.
     */
    private static CustomDomain.Settings settings(Input input, CustomDomain.Settings current) {
        JsonNode configurations = input.node().path("domainNameConfigurations");
        if (configurations.size() > 1) {
            throw ControlPlane.badRequest("Invalid domain name configurations: SimStack keeps one endpoint per "
                    + "domain name; got " + configurations.size());
        }
        JsonNode in = configurations.path(0);
        String type = in.path("endpointType").asText(current == null ? "REGIONAL" : current.endpointType());
        String policy = in.path("securityPolicy").asText(current == null ? "TLS_1_2" : current.securityPolicy());
        boolean regional = type.equals("REGIONAL");
        String arn = in.path("certificateArn").asText(current == null ? null
                : regional ? current.regionalCertificateArn() : current.certificateArn());
        String name = in.path("certificateName").asText(current == null ? null
                : regional ? current.regionalCertificateName() : current.certificateName());
        return regional ? new CustomDomain.Settings(type, null, null, arn, name, policy)
                : new CustomDomain.Settings(type, arn, name, null, null, policy);
    }

    /** The domain name as apigatewayv2 answers it. */
    static ObjectNode json(CustomDomain domain, String region) {
        CustomDomain.Settings settings = domain.settings();
        boolean regional = settings.endpointType().equals("REGIONAL");
        ObjectNode json = HttpControlPlane.NODES.objectNode();
        json.put("domainName", domain.name());
        json.put("apiMappingSelectionExpression", "$request.basepath");
        ObjectNode configuration = json.putArray("domainNameConfigurations").addObject();
        configuration.put("apiGatewayDomainName", regional ? domain.regionalDomainName(region)
                : domain.distributionDomainName());
        String arn = regional ? settings.regionalCertificateArn() : settings.certificateArn();
        String name = regional ? settings.regionalCertificateName() : settings.certificateName();
        if (arn != null) {
            configuration.put("certificateArn", arn);
        }
        if (name != null) {
            configuration.put("certificateName", name);
        }
        configuration.put("certificateUploadDate", Instant.ofEpochMilli(domain.createdAt()).toString());
        configuration.put("domainNameStatus", "AVAILABLE");
        configuration.put("endpointType", settings.endpointType());
        String zone = regional ? CustomDomains.regionalHostedZone(region) : CustomDomains.EDGE_HOSTED_ZONE;
        if (zone != null) {
            configuration.put("hostedZoneId", zone);
        }
        configuration.put("securityPolicy", settings.securityPolicy());
        ObjectNode tags = json.putObject("tags");
        domain.tags().forEach(tags::put);
        return json;
    }
}
