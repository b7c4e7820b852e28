package dev.simstack.core.internal.services.apigateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A custom domain name (CreateDomainName through apigateway or apigatewayv2: one namespace, as on AWS) and its
 * API mappings. Stored, not served by DNS: no certificate is checked, and its AWS host names
 * ({@code d-ID.execute-api.REGION.amazonaws.com}, {@code dID.cloudfront.net}) are made from its {@code hostId}.
 */
final class CustomDomain {

    /**
     * What UpdateDomainName may change: the endpoint type ({@code EDGE} or {@code REGIONAL}), the certificates
     * (ARNs stored as given) and the TLS security policy.
     */
    record Settings(String endpointType, String certificateArn, String certificateName,
            String regionalCertificateArn, String regionalCertificateName, String securityPolicy) {
    }

    /**
     * An API mapping, which apigateway calls a base path mapping: requests to the domain under {@code key} go to
     * {@code stage} of {@code apiId}; the empty key (apigateway's {@code (none)}) takes every path.
     */
    record ApiMapping(String id, String apiId, String key, String stage) {

        /** apigateway's name of the key: {@code (none)} for the empty one. */
        String basePath() {
            return key.isEmpty() ? CustomDomains.NO_BASE_PATH : key;
        }
    }

    private final String name;
    private final String hostId;
    private final long createdAt;
    private final Map<String, String> tags;
    private volatile Settings settings;
    private final Map<String, ApiMapping> mappings = new ConcurrentHashMap<>();

    CustomDomain(String name, String hostId, long createdAt, Map<String, String> tags, Settings settings) {
        this.name = name;
        this.hostId = hostId;
        this.createdAt = createdAt;
        this.tags = Map.copyOf(tags);
        this.settings = settings;
    }

    String name() {
        return name;
    }

    String hostId() {
        return hostId;
    }

    long createdAt() {
        return createdAt;
    }

    Map<String, String> tags() {
        return tags;
    }

    Settings settings() {
        return settings;
    }

    void settings(Settings next) {
        settings = next;
    }

    /** The mappings by id. */
    Map<String, ApiMapping> mappings() {
        return mappings;
    }

    /** The mapping with this key ({@code ""} for none), or null. */
    ApiMapping mappingByKey(String key) {
        return mappings.values().stream().filter(m -> m.key().equals(key)).findFirst().orElse(null);
    }

    /** {@code d-ID.execute-api.REGION.amazonaws.com}, the name a REGIONAL domain's DNS alias points at. */
    String regionalDomainName(String region) {
        return "d-" + hostId + ".execute-api." + region + ".amazonaws.com";
    }

    /** {@code dID.cloudfront.net}, the distribution an EDGE domain's DNS alias points at. */
    String distributionDomainName() {
        return "d" + hostId + ".cloudfront.net";
    }
}
