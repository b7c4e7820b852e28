package dev.simstack.core.internal.services.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IAM's state for a data directory: every customer managed policy with its version history and default, every
 * role, user, group and instance profile with its id, ARN, creation date, tags, attached and inline policies,
 * every access key with its secret, status and last use. Saved as it is, ids and ARNs kept, so a reloaded
 * function's role still exists and STS still knows whose access key signs a call. Entities refer to each other
 * by name (a group's users, an instance profile's role), names being unique in the account.
 */
public final class IamSnapshots {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private IamSnapshots() {
    }

    /** The account's IAM entities, read under the service's lock. */
    public static ObjectNode export(IamService service) {
        IamStore store = service.store();
        ObjectNode json = NODES.objectNode();
        synchronized (store) {
            ArrayNode policies = json.putArray("policies");
            store.policies().forEach(policy -> policies.add(policy(policy)));
            ArrayNode roles = json.putArray("roles");
            store.roles.sorted().forEach(role -> roles.add(identity(role).put("trustPolicy", role.trustPolicy)
                    .put("description", role.description).put("maxSessionDuration", role.maxSessionDuration)));
            ArrayNode groups = json.putArray("groups");
            store.groups.sorted().forEach(group -> groups.add(identity(group)));
            ArrayNode users = json.putArray("users");
            store.users.sorted().forEach(user -> users.add(user(user)));
            ArrayNode profiles = json.putArray("instanceProfiles");
            store.instanceProfiles.sorted().forEach(profile -> profiles.add(profile(profile)));
        }
        return json;
    }

    /** Whether {@code json} holds any entity: IAM is built on a reload only then. */
    public static boolean holdsEntities(JsonNode json) {
        for (String kind : List.of("policies", "roles", "groups", "users", "instanceProfiles")) {
            if (json.path(kind).size() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Loads what {@link #export} wrote into an empty service; the numbers of roles, users and policies loaded. */
    public static long[] restore(IamService service, JsonNode json) {
        IamStore store = service.store();
        synchronized (store) {
            json.path("policies").forEach(policy -> store.add(policy(policy)));
            for (JsonNode saved : json.path("roles")) {
                IamRole role = new IamRole(saved.path("name").asText(), saved.path("path").asText(),
                        saved.path("id").asText(), saved.path("arn").asText(), instant(saved, "created"));
                role.trustPolicy = string(saved, "trustPolicy");
                role.description = string(saved, "description");
                role.maxSessionDuration = saved.path("maxSessionDuration").asInt();
                store.roles.add(identity(role, saved));
            }
            for (JsonNode saved : json.path("groups")) {
                store.groups.add(identity(new IamGroup(saved.path("name").asText(), saved.path("path").asText(),
                        saved.path("id").asText(), saved.path("arn").asText(), instant(saved, "created")), saved));
            }
            json.path("users").forEach(saved -> store.users.add(user(store, saved)));
            // A group's users in the order they joined it, as the user's groups are in the order it joined them.
            for (JsonNode saved : json.path("groups")) {
                IamGroup group = store.groups.get(saved.path("name").asText());
                saved.path("users").forEach(name -> group.users.add(store.users.get(name.asText())));
            }
            for (JsonNode saved : json.path("instanceProfiles")) {
                InstanceProfile profile = new InstanceProfile(saved.path("name").asText(),
                        saved.path("path").asText(), saved.path("id").asText(), saved.path("arn").asText(),
                        instant(saved, "created"));
                profile.tags.putAll(strings(saved.path("tags")));
                saved.path("roles").forEach(name -> profile.roles.add(store.roles.get(name.asText())));
                store.instanceProfiles.add(profile);
            }
        }
        return new long[] {json.path("roles").size(), json.path("users").size(), json.path("policies").size()};
    }

    private static ObjectNode identity(IamIdentity identity) {
        ObjectNode json = NODES.objectNode().put("name", identity.name).put("path", identity.path)
                .put("id", identity.id).put("arn", identity.arn).put("created", identity.created.toString());
        identity.tags.forEach(json.putObject("tags")::put);
        identity.attached.forEach(json.putArray("attached")::add);
        identity.inline.forEach(json.putObject("inline")::put);
        if (identity instanceof IamGroup group) {
            ArrayNode users = json.putArray("users");
            group.users.forEach(user -> users.add(user.name));
        }
        return json;
    }

    private static <T extends IamIdentity> T identity(T identity, JsonNode saved) {
        identity.tags.putAll(strings(saved.path("tags")));
        saved.path("attached").forEach(arn -> identity.attached.add(arn.asText()));
        identity.inline.putAll(strings(saved.path("inline")));
        return identity;
    }

    private static ObjectNode user(IamUser user) {
        ObjectNode json = identity(user);
        ArrayNode groups = json.putArray("groups");
        user.groups.forEach(group -> groups.add(group.name));
        ArrayNode keys = json.putArray("accessKeys");
        user.accessKeys.forEach(key -> keys.addObject().put("id", key.id).put("secret", key.secret)
                .put("created", key.created.toString()).put("status", key.status)
                .put("lastUsed", key.lastUsed == null ? null : key.lastUsed.toString())
                .put("lastService", key.lastService).put("lastRegion", key.lastRegion));
        return json;
    }

    private static IamUser user(IamStore store, JsonNode saved) {
        IamUser user = identity(new IamUser(saved.path("name").asText(), saved.path("path").asText(),
                saved.path("id").asText(), saved.path("arn").asText(), instant(saved, "created")), saved);
        saved.path("groups").forEach(name -> user.groups.add(store.groups.get(name.asText())));
        for (JsonNode savedKey : saved.path("accessKeys")) {
            AccessKey key = new AccessKey(savedKey.path("id").asText(), savedKey.path("secret").asText(), user,
                    instant(savedKey, "created"));
            key.status = savedKey.path("status").asText();
            key.lastUsed = instant(savedKey, "lastUsed");
            key.lastService = string(savedKey, "lastService");
            key.lastRegion = string(savedKey, "lastRegion");
            user.accessKeys.add(key);
            store.accessKeys.put(key.id, key);
        }
        return user;
    }

    private static ObjectNode policy(ManagedPolicy policy) {
        ObjectNode json = NODES.objectNode().put("name", policy.name).put("path", policy.path).put("id", policy.id)
                .put("arn", policy.arn).put("description", policy.description)
                .put("created", policy.created.toString()).put("updated", policy.updated.toString())
                .put("defaultVersion", policy.defaultVersion).put("lastNumber", policy.lastNumber())
                .put("attachments", policy.attachments);
        policy.tags.forEach(json.putObject("tags")::put);
        ArrayNode versions = json.putArray("versions");
        policy.versions.values().forEach(version -> versions.addObject().put("id", version.id())
                .put("document", version.document()).put("created", version.created().toString()));
        return json;
    }

    private static ManagedPolicy policy(JsonNode saved) {
        List<ManagedPolicy.Version> versions = new ArrayList<>();
        saved.path("versions").forEach(version -> versions.add(new ManagedPolicy.Version(version.path("id").asText(),
                version.path("document").asText(), instant(version, "created"))));
        // The constructor makes a v1 of its own; the saved history replaces it.
        ManagedPolicy policy = new ManagedPolicy(saved.path("name").asText(), saved.path("path").asText(),
                saved.path("id").asText(), saved.path("arn").asText(), string(saved, "description"),
                versions.get(0).document(), instant(saved, "created"));
        policy.reloadVersions(versions, saved.path("lastNumber").asInt(), saved.path("defaultVersion").asText());
        policy.updated = instant(saved, "updated");
        policy.attachments = saved.path("attachments").asInt();
        policy.tags.putAll(strings(saved.path("tags")));
        return policy;
    }

    private static ObjectNode profile(InstanceProfile profile) {
        ObjectNode json = NODES.objectNode().put("name", profile.name).put("path", profile.path)
                .put("id", profile.id).put("arn", profile.arn).put("created", profile.created.toString());
        profile.tags.forEach(json.putObject("tags")::put);
        ArrayNode roles = json.putArray("roles");
        profile.roles.forEach(role -> roles.add(role.name));
        return json;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        return map;
    }

    private static String string(JsonNode json, String member) {
        JsonNode value = json.path(member);
        return value.isTextual() ? value.textValue() : null;
    }

    private static Instant instant(JsonNode json, String member) {
        String text = string(json, member);
        return text == null ? null : Instant.parse(text);
    }
}
