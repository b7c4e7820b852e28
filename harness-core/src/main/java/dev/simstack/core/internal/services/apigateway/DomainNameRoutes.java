package dev.simstack.core.internal.services.apigateway;

import dev.simstack.core.internal.protocol.restjson.RestJsonRoute;
import java.util.List;

/**
 * Custom domain names' operations by method and URI: apigateway's domain names and base path mappings, and
 * apigatewayv2's domain names and API mappings (named {@code v2/...}, see {@link HttpApiRoutes}).
 */
final class DomainNameRoutes {

    private static final String DOMAIN = "/domainnames/{domain_name}";
    private static final String V2_DOMAIN = "/v2/domainnames/{domainName}";

    static final List<RestJsonRoute> ROUTES = List.of(
            RestJsonRoute.of("POST", "/domainnames", "CreateDomainName", 201),
            RestJsonRoute.of("GET", "/domainnames", "GetDomainNames", 200),
            RestJsonRoute.of("GET", DOMAIN, "GetDomainName", 200),
            RestJsonRoute.of("PATCH", DOMAIN, "UpdateDomainName", 200),
            RestJsonRoute.of("DELETE", DOMAIN, "DeleteDomainName", 202),
            RestJsonRoute.of("POST", DOMAIN + "/basepathmappings", "CreateBasePathMapping", 201),
            RestJsonRoute.of("GET", DOMAIN + "/basepathmappings", "GetBasePathMappings", 200),
            RestJsonRoute.of("GET", DOMAIN + "/basepathmappings/{base_path}", "GetBasePathMapping", 200),
            RestJsonRoute.of("PATCH", DOMAIN + "/basepathmappings/{base_path}", "UpdateBasePathMapping", 200),
            RestJsonRoute.of("DELETE", DOMAIN + "/basepathmappings/{base_path}", "DeleteBasePathMapping", 202),
            v2("POST", "/v2/domainnames", "CreateDomainName", 201),
            v2("GET", "/v2/domainnames", "GetDomainNames", 200),
            v2("GET", V2_DOMAIN, "GetDomainName", 200),
            v2("PATCH", V2_DOMAIN, "UpdateDomainName", 200),
            v2("DELETE", V2_DOMAIN, "DeleteDomainName", 204),
            v2("POST", V2_DOMAIN + "/apimappings", "CreateApiMapping", 201),
            v2("GET", V2_DOMAIN + "/apimappings", "GetApiMappings", 200),
            v2("GET", V2_DOMAIN + "/apimappings/{apiMappingId}", "GetApiMapping", 200),
            v2("PATCH", V2_DOMAIN + "/apimappings/{apiMappingId}", "UpdateApiMapping", 200),
            v2("DELETE", V2_DOMAIN + "/apimappings/{apiMappingId}", "DeleteApiMapping", 204));

    private DomainNameRoutes() {
    }

    private static RestJsonRoute v2(String method, String template, String operation, int status) {
        return RestJsonRoute.of(method, template, HttpApiRoutes.PREFIX + operation, status);
    }
}
