package dev.simstack.core.internal.services.apigateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A REST API's resources as the control plane builds them: a root {@code /} and children by path part. */
final class ResourceTree {

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

    /** Every resource, parents before children (sorted by path). */
    List<Resource> all() {
        List<Resource> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(Resource::path));
        return all;
    }

    /** The resource at {@code path}, or null. */
    Resource at(String path) {
        return byId.values().stream().filter(r -> r.path().equals(path)).findFirst().orElse(null);
    }

    /** Adds a child; null if a sibling has the same path part. */
    Resource add(String id, Resource parent, String pathPart) {
        String path = childPath(parent.path(), pathPart);
        if (at(path) != null) {
            return null;
        }
        Resource resource = new Resource(id, parent.id(), pathPart, path, new ConcurrentHashMap<>());
        byId.put(id, resource);
        return resource;
    }

    /** Removes a resource and every resource below it. */
    void remove(Resource resource) {
        for (Resource child : children(resource)) {
            remove(child);
        }
        byId.remove(resource.id());
    }

    /**
     * Moves a resource (a new path part, a new parent, or both), its descendants with it; null if the new
     * place is taken.
     */
    Resource move(Resource resource, Resource parent, String pathPart) {
        String path = childPath(parent.path(), pathPart);
        Resource taken = at(path);
        if (taken != null && taken != resource) {
            return null;
        }
        List<Resource> children = children(resource);
        Resource moved = new Resource(resource.id(), parent.id(), pathPart, path, resource.methods());
        byId.put(moved.id(), moved);
        for (Resource child : children) {
            move(child, moved, child.pathPart());
        }
        return moved;
    }

    /** True if {@code candidate} is {@code resource} or lies below it. */
    boolean within(Resource candidate, Resource resource) {
        for (Resource at = candidate; at != null; at = at.parentId() == null ? null : byId.get(at.parentId())) {
            if (at.id().equals(resource.id())) {
                return true;
            }
        }
        return false;
    }

    private List<Resource> children(Resource resource) {
        return byId.values().stream().filter(r -> resource.id().equals(r.parentId())).toList();
    }

    private static String childPath(String parentPath, String pathPart) {
        return (parentPath.equals("/") ? "" : parentPath) + "/" + pathPart;
    }
}
