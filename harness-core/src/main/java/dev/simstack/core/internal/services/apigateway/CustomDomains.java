package dev.simstack.core.internal.services.apigateway;

import dev.simstack.core.AwsException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What apigateway's domain names and base path mappings share with apigatewayv2's domain names and API mappings:
 * one store per region, the rules a name, its settings and a mapping must follow, and AWS's hosted zones.
 */
final class CustomDomains {

    /** apigateway's base path for the empty mapping key: the mapping takes every path of the domain. */
    static final String NO_BASE_PATH = "(none)";
    /** CloudFront's hosted zone, which every EDGE domain name's alias targets. */
    static final String EDGE_HOSTED_ZONE = "Z2FDTNDATAQYW2";
    /** API Gateway's regional hosted zones (AWS General Reference, "Amazon API Gateway endpoints and quotas"). */
    private static final Map<String, String> REGIONAL_HOSTED_ZONES = Map.of(
            "us-east-1", "Z1UJRXOUMOOFQ8", "us-east-2", "ZOJJZC49E0EPZ", "us-west-2", "Z2OJLYMUO9EFXC",
            "eu-west-1", "ZLY8HYME6SFDD", "eu-central-1", "Z1U9ULNL0V5AJ3");
    static final List<String> ENDPOINT_TYPES = List.of("EDGE", "REGIONAL");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9$._~-]+(/[A-Za-z0-9$._~-]+)*");

    private final ControlPlane plane;

    CustomDomains(ControlPlane plane) {
        this.plane = plane;
    }

    ControlPlane plane() {
        return plane;
    }

    /** The domain name {@code name} of {@code region}, or 404 as both control planes answer it. */
    CustomDomain domain(String region, String name) {
        CustomDomain domain = plane.regions().region(region).domainNames().get(name);
        if (domain == null) {
            throw ControlPlane.notFound("Invalid domain name identifier specified");
        }
        return domain;
    }

    /** Stores a new domain name; 409 if the name is taken (through either control plane). */
    CustomDomain create(String region, String name, CustomDomain.Settings settings, Map<String, String> tags) {
        if (name == null || !DOMAIN.matcher(name).matches()) {
            throw ControlPlane.badRequest("Invalid domain name specified: '" + name + "' (a lower-case DNS name "
                    + "such as api.example.com, or a wildcard such as *.example.com)");
        }
        checked(settings);
        CustomDomain domain = new CustomDomain(name, plane.regions().newId(), plane.now(), tags, settings);
        if (plane.regions().region(region).domainNames().putIfAbsent(name, domain) != null) {
            throw ControlPlane.conflict("The domain name you provided already exists.");
        }
        return domain;
    }

    /** Refuses settings AWS refuses: an unknown endpoint type or policy, or no certificate for the endpoint. */
    static CustomDomain.Settings checked(CustomDomain.Settings settings) {
        if (!ENDPOINT_TYPES.contains(settings.endpointType())) {
            throw ControlPlane.badRequest("Invalid endpoint type specified: '" + settings.endpointType()
                    + "'. Must be one of: " + ENDPOINT_TYPES + " (PRIVATE domain names are not supported)");
        }
        String policy = settings.securityPolicy();
        if (!policy.equals("TLS_1_0") && !policy.equals("TLS_1_2") && !policy.startsWith("SecurityPolicy_")) {
            throw ControlPlane.badRequest("Invalid security policy specified: '" + policy
                    + "'. Must be TLS_1_0, TLS_1_2 or a SecurityPolicy_* name");
        }
        boolean regional = settings.endpointType().equals("REGIONAL");
        String certificate = regional ? settings.regionalCertificateArn() : settings.certificateArn();
        if (certificate == null || certificate.isEmpty()) {
            throw ControlPlane.badRequest("A " + settings.endpointType() + " domain name needs a certificate: give "
                    + (regional ? "regionalCertificateArn" : "certificateArn") + " (an ACM certificate ARN; it is "
                    + "stored, not checked)");
        }
        return settings;
    }

    /** AWS's hosted zone of a REGIONAL domain name in {@code region}; null where SimStack does not know it. */
    static String regionalHostedZone(String region) {
        return REGIONAL_HOSTED_ZONES.get(region);
    }

    /**
     * Checks a mapping before it is stored: its key's syntax and that no other mapping of the domain has it, that
     * the API exists ({@code restOnly}: a REST API, as apigateway maps), and that the API has the stage (apigateway's mappings may name none).
     *
     * @param exceptId the mapping being updated, whose own key is no conflict; null on create
     */
    void checkMapping(String region, String accountId, CustomDomain domain, CustomDomain.ApiMapping mapping,
            String exceptId, boolean restOnly) {
        if (!mapping.key().isEmpty() && !KEY.matcher(mapping.key()).matches()) {
            throw ControlPlane.badRequest("Invalid base path specified: '" + mapping.key() + "' (letters, digits and "
                    + "$-_.~ in segments separated by /; " + NO_BASE_PATH + " or empty for no base path)");
        }
        CustomDomain.ApiMapping existing = domain.mappingByKey(mapping.key());
        if (existing != null && !existing.id().equals(exceptId)) {
            throw ControlPlane.conflict(restOnly ? "Base path already exists for this domain name"
                    : "ApiMapping key already exists for this domain name");
        }
        RestApi api = mapping.apiId() == null ? null : plane.regions().region(region).apis().get(mapping.apiId());
        if (api == null || (restOnly && api.http())) {
            throw restOnly ? ControlPlane.badRequest("Invalid REST API identifier specified")
                    : ControlPlane.notFound("Invalid API identifier specified " + accountId + ":" + mapping.apiId());
        }
        // apigateway may leave the stage out: callers then name it after the base path
        boolean stageless = restOnly && mapping.stage() == null;
        if (!stageless && (mapping.stage() == null || api.stage(mapping.stage()) == null)) {
            AwsException missing = restOnly ? ControlPlane.badRequest("Invalid stage identifier specified")
                    : ControlPlane.notFound("Invalid stage identifier specified");
            throw missing;
        }
    }
}
