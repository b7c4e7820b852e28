package dev.simstack.core.internal.engine;

import dev.simstack.core.AwsException;
import dev.simstack.core.internal.protocol.HttpExchange;
import dev.simstack.core.internal.protocol.ProtocolCodec;
import dev.simstack.core.internal.protocol.SigV4Scope;

/**
 * Tells a request's protocol and service apart, the way AWS's endpoints would if they were one:
 * {@code X-Amz-Target} means a JSON protocol and names the service; a form-encoded body or an
 * {@code Action} parameter means the Query protocol, whose service is the SigV4 signing name.
 */
public final class Router {

    private final ServiceRegistry services;
    private final ProtocolCodec json;
    private final ProtocolCodec query;

    public Router(ServiceRegistry services, ProtocolCodec json, ProtocolCodec query) {
        this.services = services;
        this.json = json;
        this.query = query;
    }

    /** The route, or an {@link AwsException} (with a null-service route to answer it in) when none fits. */
    public Route route(HttpExchange exchange, SigV4Scope scope) {
        String target = exchange.headers().get("X-Amz-Target");
        if (target != null) {
            int dot = target.indexOf('.');
            Service service = dot < 0 ? null : services.byTargetPrefix(target.substring(0, dot));
            return new Route(service, json);
        }
        if (isQuery(exchange)) {
            Service service = services.bySigningName(scope.service());
            if (service == null || service.descriptor().queryShapes() == null) {
                service = services.soleQueryService();
            }
            return new Route(service, query);
        }
        return null;
    }

    private static boolean isQuery(HttpExchange exchange) {
        String contentType = exchange.headers().get("Content-Type");
        if (contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            return true;
        }
        return exchange.queryParam("Action") != null;
    }
}
