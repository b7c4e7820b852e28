package dev.simstack.core.internal.services.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.SimClock;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.List;
import java.util.Map;

/**
 * Instance profiles, the one-role containers EC2 takes and Terraform's examples create beside a role:
 * Create/Get/Delete/ListInstanceProfiles, Add/RemoveRoleToInstanceProfile, ListInstanceProfilesForRole and tags.
 */
final class InstanceProfileActions {

    private static final int NAME_MAX = 128;

    private final IamStore store;
    private final UniqueIds ids;
    private final SimClock clock;

    InstanceProfileActions(IamStore store, UniqueIds ids, SimClock clock) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
    }

    void register(OperationTable<IamOperation> operations) {
        operations.put("CreateInstanceProfile", this::createInstanceProfile);
        operations.put("GetInstanceProfile", (call, input) ->
                RoleActions.wrap("InstanceProfile", IamJson.instanceProfile(profile(input))));
        operations.put("DeleteInstanceProfile", this::deleteInstanceProfile);
        operations.put("ListInstanceProfiles", this::listInstanceProfiles);
        operations.put("AddRoleToInstanceProfile", this::addRole);
        operations.put("RemoveRoleFromInstanceProfile", this::removeRole);
        operations.put("ListInstanceProfilesForRole", this::listInstanceProfilesForRole);
        Tags.register(operations, "InstanceProfile", input -> profile(input).tags);
    }

    private JsonNode createInstanceProfile(DecodedCall call, Input input) {
        String name = input.string("InstanceProfileName");
        String path = input.has("Path") ? input.string("Path") : "/";
        IamNames.path(IamNames.name(new Violations(), "InstanceProfileName", name, NAME_MAX), "Path", path).check();
        Map<String, String> tags = Tags.read(input);
        store.instanceProfiles.checkFree(name);
        InstanceProfile profile = new InstanceProfile(name, path, ids.uniqueId("AIPA"),
                store.arn("instance-profile", path, name), clock.now());
        Tags.merge(profile.tags, tags, "InstanceProfile");
        store.instanceProfiles.add(profile);
        return RoleActions.wrap("InstanceProfile", IamJson.instanceProfile(profile));
    }

    private JsonNode deleteInstanceProfile(DecodedCall call, Input input) {
        InstanceProfile profile = profile(input);
        if (!profile.roles.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
        }
        store.instanceProfiles.remove(profile);
        return IamJson.NODES.objectNode();
    }

    private JsonNode listInstanceProfiles(DecodedCall call, Input input) {
        String prefix = input.has("PathPrefix") ? input.string("PathPrefix") : "/";
        return page(store.instanceProfiles.sorted().stream().filter(profile -> profile.path.startsWith(prefix))
                .toList(), input);
    }

    private JsonNode addRole(DecodedCall call, Input input) {
        InstanceProfile profile = profile(input);
        IamRole role = role(input);
        // An instance profile holds one role, a quota AWS does not raise.
        if (profile.roles.size() >= InstanceProfile.ROLES_MAX) {
            throw IamErrors.limitExceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: "
                    + InstanceProfile.ROLES_MAX);
        }
        profile.roles.add(role);
        return IamJson.NODES.objectNode();
    }

    private JsonNode removeRole(DecodedCall call, Input input) {
        InstanceProfile profile = profile(input);
        IamRole role = role(input);
        if (!profile.roles.remove(role)) {
            throw IamErrors.noSuchEntity("The role with name " + role.name + " cannot be found in instance profile "
                    + profile.name + ".");
        }
        return IamJson.NODES.objectNode();
    }

    private JsonNode listInstanceProfilesForRole(DecodedCall call, Input input) {
        IamRole role = role(input);
        return page(store.instanceProfiles.sorted().stream().filter(profile -> profile.roles.contains(role))
                .toList(), input);
    }

    private static JsonNode page(List<InstanceProfile> profiles, Input input) {
        ObjectNode output = IamJson.NODES.objectNode();
        ArrayNode listed = output.putArray("InstanceProfiles");
        IamPage.of(profiles, profile -> IamNames.key(profile.name), input, output)
                .forEach(profile -> listed.add(IamJson.instanceProfile(profile)));
        return output;
    }

    private InstanceProfile profile(Input input) {
        String name = input.string("InstanceProfileName");
        IamNames.name(new Violations(), "InstanceProfileName", name, NAME_MAX).check();
        return store.instanceProfiles.get(name);
    }

    private IamRole role(Input input) {
        return (IamRole) IdentityKind.ROLE.read(store, input);
    }
}
