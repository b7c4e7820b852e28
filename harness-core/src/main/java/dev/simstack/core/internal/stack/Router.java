package dev.simstack.core.internal.stack;

import dev.simstack.core.AwsException;
import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.protocol.HttpExchange;
import dev.simstack.core.internal.protocol.ProtocolCodec;
import dev.simstack.core.internal.protocol.SigV4Scope;
import dev.simstack.core.internal.protocol.WireProtocols;

/**
 * Tells a request's protocol and service apart, the way AWS's endpoints would if they were one:
 * {@code X-Amz-Target} means a JSON protocol and names the service; a form-encoded body or an
 * {@code Action} parameter means the Query protocol, whose service is the SigV4 signing name. Anything
 * else is REST: S3's REST-XML when signed for {@code s3} (header or presigned query), or unsigned, since
 * S3 is the one REST service that takes anonymous requests (public buckets, plain curl). Before all
 * that, REST-JSON: requests signed for {@code lambda} or {@code apigateway}, and API Gateway invocations
 * by their path ({@code /_aws/execute-api/...}, {@code /restapis/{id}/{stage}/_user_request_/...}), which
 * are unsigned and may carry any body, even a form.
 */
public final class Router {

    private static final String S3_SIGNING_NAME = "s3";
    private static final String LAMBDA_SIGNING_NAME = "lambda";
    private static final String APIGATEWAY_SIGNING_NAME = "apigateway";

    private final ServiceRegistry services;
    private final ProtocolCodec json;
    private final ProtocolCodec query;
    private final ProtocolCodec restXml;
    private final ProtocolCodec restJson;

    public Router(ServiceRegistry services, ProtocolCodec json, ProtocolCodec query) {
        this(services, json, query, null);
    }

    /** A router that also sends REST requests to S3 in {@code restXml}. */
    public Router(ServiceRegistry services, ProtocolCodec json, ProtocolCodec query, ProtocolCodec restXml) {
        this(services, json, query, restXml, null);
    }

    /**
     * A router that also sends REST requests signed for {@code lambda} or {@code apigateway}, and API
     * invocations ({@code /restapis/{id}/{stage}/_user_request_/...}, {@code /_aws/execute-api/...}),
     * to those services in {@code restJson}.
     */
    public Router(ServiceRegistry services, ProtocolCodec json, ProtocolCodec query, ProtocolCodec restXml,
            ProtocolCodec restJson) {
        this.services = services;
        this.json = json;
        this.query = query;
        this.restXml = restXml;
        this.restJson = restJson;
    }

    /** The route, or an {@link AwsException} (with a null-service route to answer it in) when none fits. */
    public Route route(HttpExchange exchange, SigV4Scope scope) {
        return route(services, exchange, scope);
    }

    /** The route to one of {@code services} (an account's), as {@link #route(HttpExchange, SigV4Scope)}. */
    public Route route(ServiceRegistry services, HttpExchange exchange, SigV4Scope scope) {
        Route restJsonRoute = restJsonRoute(services, exchange, scope);
        if (restJsonRoute != null) {
            return restJsonRoute; // before S3's fallback: API calls are unsigned and may carry any body
        }
        String target = exchange.headers().get("X-Amz-Target");
        if (target != null) {
            int dot = target.indexOf('.');
            Service service = dot < 0 ? null : services.byTargetPrefix(target.substring(0, dot));
            return new Route(service, json);
        }
        if (isQuery(exchange)) {
            Service service = services.bySigningName(scope.service());
            if (service == null || service.descriptor().queryShapes() == null) {
                service = services.defaultQueryService();
            }
            return new Route(service, query);
        }
        return restRoute(services, scope);
    }

    private Route restRoute(ServiceRegistry services, SigV4Scope scope) {
        Service s3 = services.bySigningName(S3_SIGNING_NAME);
        if (restXml == null || s3 == null) {
            return null;
        }
        // Signed for another service (lambda, apigateway): not ours to guess; the caller gets a clear 400.
        boolean forS3 = scope.service() == null || S3_SIGNING_NAME.equals(scope.service());
        return forS3 ? new Route(s3, restXml) : null;
    }

    /** Lambda and API Gateway by signing name; API invocations by their path, signed or not. */
    private Route restJsonRoute(ServiceRegistry services, HttpExchange exchange, SigV4Scope scope) {
        if (restJson == null) {
            return null;
        }
        String path = exchange.path();
        if (WireProtocols.isApiInvocation(path)) {
            Service apis = services.bySigningName(APIGATEWAY_SIGNING_NAME);
            return apis == null ? null : new Route(apis, restJson);
        }
        if (LAMBDA_SIGNING_NAME.equals(scope.service()) || APIGATEWAY_SIGNING_NAME.equals(scope.service())) {
            Service service = services.bySigningName(scope.service());
            return service == null ? null : new Route(service, restJson);
        }
        return null;
    }

    private static boolean isQuery(HttpExchange exchange) {
        return WireProtocols.isJsonOrQuery(exchange.headers(), exchange.query());
    }
}
