package dev.simstack.core.internal.stack;

import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The services of one stack, found by JSON target prefix or by signing name. A service that shares its
 * signing name with one registered before (DynamoDB Streams signs as {@code dynamodb}) is found by its
 * target prefix only; it must have no state of its own to reset, since reset and health go by signing name.
 */
public final class ServiceRegistry {

    private final Map<String, Service> byTarget = new LinkedHashMap<>();
    private final Map<String, Service> bySigningName = new LinkedHashMap<>();

    public void register(Service service) {
        ServiceDescriptor descriptor = service.descriptor();
        if (descriptor.jsonTargetPrefix() != null) {
            byTarget.put(descriptor.jsonTargetPrefix(), service);
        }
        bySigningName.putIfAbsent(descriptor.signingName(), service);
    }

    /** The service for an {@code X-Amz-Target} prefix, or null. */
    public Service byTargetPrefix(String prefix) {
        return byTarget.get(prefix);
    }

    /** The service with this SigV4 signing name, or null. */
    public Service bySigningName(String name) {
        return name == null ? null : bySigningName.get(name);
    }

    /**
     * The service that answers a Query request which does not say whose it is (unsigned, or signed for a
     * service the stack does not have): the first registered that speaks Query, SQS in a stack. IAM and STS
     * speak Query too, but their clients always sign; plain {@code curl} Query requests are SQS's.
     */
    public Service defaultQueryService() {
        for (Service service : bySigningName.values()) {
            if (service.descriptor().queryShapes() != null) {
                return service;
            }
        }
        return null;
    }

    /** This registry's service of {@code descriptor}'s kind: by target prefix where it has one, else signing name. */
    public Service like(ServiceDescriptor descriptor) {
        Service byPrefix = descriptor.jsonTargetPrefix() == null ? null : byTarget.get(descriptor.jsonTargetPrefix());
        return byPrefix != null ? byPrefix : bySigningName(descriptor.signingName());
    }

    public Collection<Service> all() {
        return bySigningName.values();
    }
}
