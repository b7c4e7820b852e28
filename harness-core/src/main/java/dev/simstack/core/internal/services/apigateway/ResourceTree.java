package dev.simstack.core.internal.services.apigateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A REST API's resources as the control plane builds them: a root {@code /} and children by path part. */
final class ResourceTree {

    /** A method on a resource and its integration (null until PutIntegration). */
    record Method(String httpMethod, String authorizationType, boolean apiKeyRequired, String integrationType,
            String integrationUri) {
    }

    /** A resource; {@code methods} by HTTP method. */
    record Resource(String id, String parentId, String pathPart, String path, Map<String, Method> methods) {
    }

    private final Map<String, Resource> byId = new ConcurrentHashMap<>();
    private final String rootId;

    ResourceTree(String rootId) {
        this.rootId = rootId;
        byId.put(rootId, new Resource(rootId, null, null, "/", new ConcurrentHashMap<>()));
    }

    String rootId() {
        return rootId;
    }

    Resource get(String id) {
        return byId.get(id);
    }

    List<Resource> all() {
        List<Resource> all = new ArrayList<>(byId.values());
        all.sort(java.util.Comparator.comparing(Resource::path));
        return all;
    }

    /** Adds a child; null if a sibling has the same path part. */
    Resource add(String id, Resource parent, String pathPart) {
        String path = (parent.path().equals("/") ? "" : parent.path()) + "/" + pathPart;
        for (Resource existing : byId.values()) {
            if (existing.path().equals(path)) {
                return null;
            }
        }
        Resource resource = new Resource(id, parent.id(), pathPart, path, new ConcurrentHashMap<>());
        byId.put(id, resource);
        return resource;
    }
}
