package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * UpdateStage's method setting paths, {@code /{resourcePath}/{httpMethod}/{setting}} (the resource path's slashes
 * as {@code ~1}, or {@code /*}{@code /*} for every method), read and validated as AWS reads them: the setting
 * names AWS's {@code MethodSetting} field it fills, the value is checked for that field's type.
 */
final class MethodSettingPaths {

    /** AWS's answer to a path UpdateStage does not take, formatting quirks (missing commas) included. */
    static final String VALID_PATHS = "[/deploymentId, /description, /cacheClusterEnabled, /cacheClusterSize,"
            + " /clientCertificateId, /accessLogSettings, /accessLogSettings/destinationArn, /accessLogSettings/format,"
            + " /{resourcePath}/{httpMethod}/metrics/enabled, /{resourcePath}/{httpMethod}/logging/dataTrace,"
            + " /{resourcePath}/{httpMethod}/logging/loglevel, /{resourcePath}/{httpMethod}/throttling/burstLimit"
            + "/{resourcePath}/{httpMethod}/throttling/rateLimit/{resourcePath}/{httpMethod}/caching/ttlInSeconds,"
            + " /{resourcePath}/{httpMethod}/caching/enabled, /{resourcePath}/{httpMethod}/caching/dataEncrypted,"
            + " /{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl,"
            + " /{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy, /*/*/metrics/enabled,"
            + " /*/*/logging/dataTrace, /*/*/logging/loglevel, /*/*/throttling/burstLimit /*/*/throttling/rateLimit"
            + " /*/*/caching/ttlInSeconds, /*/*/caching/enabled, /*/*/caching/dataEncrypted,"
            + " /*/*/caching/requireAuthorizationForCacheControl, /*/*/caching/unauthorizedCacheControlHeaderStrategy,"
            + " /variables/{variable_name}, /tracingEnabled]";

    /** The setting part of a path and the {@code MethodSetting} field it fills. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("metrics/enabled", "metricsEnabled"),
            Map.entry("logging/loglevel", "loggingLevel"),
            Map.entry("logging/dataTrace", "dataTraceEnabled"),
            Map.entry("throttling/burstLimit", "throttlingBurstLimit"),
            Map.entry("throttling/rateLimit", "throttlingRateLimit"),
            Map.entry("caching/enabled", "cachingEnabled"),
            Map.entry("caching/ttlInSeconds", "cacheTtlInSeconds"),
            Map.entry("caching/dataEncrypted", "cacheDataEncrypted"),
            Map.entry("caching/requireAuthorizationForCacheControl", "requireAuthorizationForCacheControl"),
            Map.entry("caching/unauthorizedCacheControlHeaderStrategy", "unauthorizedCacheControlHeaderStrategy"));

    /** The methods a setting may name: AWS takes no setting on {@code ANY}. */
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private static final List<String> LOG_LEVELS = List.of("OFF", "ERROR", "INFO");
    private static final List<String> STRATEGIES = List.of("FAIL_WITH_403", "SUCCEED_WITH_RESPONSE_HEADER",
            "SUCCEED_WITHOUT_RESPONSE_HEADER");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * One method setting of a patch: the entry's key ({@code ~1orders/POST}), the field, or null for the whole
     * entry ({@code remove /~1orders/POST}).
     */
    record Setting(String key, String field) {
    }

    private MethodSettingPaths() {
    }

    /** The setting a path names, or null when it is no method setting path. */
    static Setting parse(String path) {
        String[] parts = path.startsWith("/") ? path.substring(1).split("/", -1) : new String[0];
        if (parts.length != 2 && parts.length != 4) {
            return null;
        }
        boolean all = parts[0].equals("*") && parts[1].equals("*");
        boolean one = parts[0].startsWith("~1") && !parts[0].contains("/") && METHODS.contains(parts[1]);
        if (!all && !one) {
            return null;
        }
        String key = parts[0] + "/" + parts[1];
        if (parts.length == 2) {
            return new Setting(key, null);
        }
        String field = FIELDS.get(parts[2] + "/" + parts[3]);
        return field == null ? null : new Setting(key, field);
    }

    /** The value of {@code field} AWS would store for {@code value}; a BadRequestException when it is none. */
    static JsonNode value(String path, String field, String value) {
        String text = value == null ? "" : value.trim();
        switch (field) {
            case "throttlingRateLimit":
                try {
                    double rate = Double.parseDouble(text);
                    if (rate >= 0 || rate == -1) {
                        return NODES.numberNode(rate);
                    }
                } catch (NumberFormatException e) {
                    // refused below
                }
                throw ControlPlane.badRequest("Invalid throttling rate limit for " + path + ": " + value
                        + ". Must be a number not below 0, or -1 for the stage's");
            case "throttlingBurstLimit":
            case "cacheTtlInSeconds":
                return NODES.numberNode(integer(path, field, text, value));
            case "loggingLevel":
                return NODES.textNode(oneOf(path, "logging level", text, value, LOG_LEVELS));
            case "unauthorizedCacheControlHeaderStrategy":
                return NODES.textNode(oneOf(path, "unauthorized cache control header strategy", text, value,
                        STRATEGIES));
            default:
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    return NODES.booleanNode(Boolean.parseBoolean(text.toLowerCase(Locale.ROOT)));
                }
                throw ControlPlane.badRequest("Invalid boolean value for " + path + ": " + value
                        + ". Must be true or false");
        }
    }

    private static int integer(String path, String field, String text, String value) {
        boolean ttl = field.equals("cacheTtlInSeconds");
        try {
            int number = Integer.parseInt(text);
            if (ttl ? number >= 0 && number <= 3600 : number >= -1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ControlPlane.badRequest(ttl
                ? "Invalid cache TTL for " + path + ": " + value + ". Must be between 0 and 3600 seconds"
                : "Invalid throttling burst limit for " + path + ": " + value
                        + ". Must be a whole number not below 0, or -1 for the stage's");
    }

    private static String oneOf(String path, String what, String text, String value, List<String> allowed) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (allowed.contains(upper)) {
            return upper;
        }
        throw ControlPlane.badRequest("Invalid " + what + " for " + path + ": " + value + ". Must be one of: "
                + allowed);
    }
}
