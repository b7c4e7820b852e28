package dev.simstack.core.internal.stack;

import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The services of one stack, found by JSON target prefix or by signing name. */
public final class ServiceRegistry {

    private final Map<String, Service> byTarget = new LinkedHashMap<>();
    private final Map<String, Service> bySigningName = new LinkedHashMap<>();

    public void register(Service service) {
        ServiceDescriptor descriptor = service.descriptor();
        if (descriptor.jsonTargetPrefix() != null) {
            byTarget.put(descriptor.jsonTargetPrefix(), service);
        }
        bySigningName.put(descriptor.signingName(), service);
    }

    /** The service for an {@code X-Amz-Target} prefix, or null. */
    public Service byTargetPrefix(String prefix) {
        return byTarget.get(prefix);
    }

    /** The service with this SigV4 signing name, or null. */
    public Service bySigningName(String name) {
        return name == null ? null : bySigningName.get(name);
    }

    /** The one service that speaks the Query protocol when a request does not say which; null if ambiguous. */
    public Service soleQueryService() {
        Service found = null;
        for (Service service : bySigningName.values()) {
            if (service.descriptor().queryShapes() != null) {
                if (found != null) {
                    return null;
                }
                found = service;
            }
        }
        return found;
    }

    public Collection<Service> all() {
        return bySigningName.values();
    }
}
