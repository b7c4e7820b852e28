package dev.simstack.core.internal.services.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.SimClock;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups and their users: CreateGroup, GetGroup (with its users), DeleteGroup, ListGroups, AddUserToGroup,
 * RemoveUserFromGroup and ListGroupsForUser.
 */
final class GroupActions {

    /** IAM's quota of groups a user can be in (GroupsPerUser). */
    private static final int GROUPS_PER_USER = 10;

    private final IamStore store;
    private final UniqueIds ids;
    private final SimClock clock;

    GroupActions(IamStore store, UniqueIds ids, SimClock clock) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
    }

    void register(OperationTable<IamOperation> operations) {
        operations.put("CreateGroup", this::createGroup);
        operations.put("GetGroup", this::getGroup);
        operations.put("DeleteGroup", this::deleteGroup);
        operations.put("ListGroups", this::listGroups);
        operations.put("AddUserToGroup", this::addUserToGroup);
        operations.put("RemoveUserFromGroup", this::removeUserFromGroup);
        operations.put("ListGroupsForUser", this::listGroupsForUser);
    }

    private JsonNode createGroup(DecodedCall call, Input input) {
        String name = input.string("GroupName");
        String path = input.has("Path") ? input.string("Path") : "/";
        IamNames.path(IamNames.name(new Violations(), "GroupName", name, IdentityKind.GROUP.nameMax), "Path", path)
                .check();
        store.groups.checkFree(name);
        IamGroup group = new IamGroup(name, path, ids.uniqueId("AGPA"), store.arn("group", path, name), clock.now());
        store.groups.add(group);
        return RoleActions.wrap("Group", IamJson.group(group));
    }

    private JsonNode getGroup(DecodedCall call, Input input) {
        IamGroup group = group(input);
        ObjectNode output = IamJson.NODES.objectNode();
        output.set("Group", IamJson.group(group));
        ArrayNode users = output.putArray("Users");
        List<IamUser> sorted = new ArrayList<>(group.users);
        sorted.sort(Comparator.comparing(user -> IamNames.key(user.name)));
        IamPage.of(sorted, user -> IamNames.key(user.name), input, output)
                .forEach(user -> users.add(IamJson.user(user, false)));
        return output;
    }

    private JsonNode deleteGroup(DecodedCall call, Input input) {
        IamGroup group = group(input);
        if (!group.users.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must remove users from group first.");
        }
        group.checkNoPolicies();
        store.groups.remove(group);
        return IamJson.NODES.objectNode();
    }

    private JsonNode listGroups(DecodedCall call, Input input) {
        String prefix = input.has("PathPrefix") ? input.string("PathPrefix") : "/";
        return page(store.groups.sorted().stream().filter(group -> group.path.startsWith(prefix)).toList(), input);
    }

    private JsonNode addUserToGroup(DecodedCall call, Input input) {
        IamGroup group = group(input);
        IamUser user = user(input);
        if (!user.groups.contains(group) && user.groups.size() >= GROUPS_PER_USER) {
            throw IamErrors.limitExceeded("Cannot exceed quota for GroupsPerUser: " + GROUPS_PER_USER);
        }
        group.users.add(user);
        user.groups.add(group);
        return IamJson.NODES.objectNode();
    }

    private JsonNode removeUserFromGroup(DecodedCall call, Input input) {
        IamGroup group = group(input);
        IamUser user = user(input);
        if (!group.users.remove(user)) {
            throw IamErrors.noSuchEntity("The user with name " + user.name + " cannot be found in group "
                    + group.name + ".");
        }
        user.groups.remove(group);
        return IamJson.NODES.objectNode();
    }

    private JsonNode listGroupsForUser(DecodedCall call, Input input) {
        IamUser user = user(input);
        List<IamGroup> sorted = new ArrayList<>(user.groups);
        sorted.sort(Comparator.comparing(group -> IamNames.key(group.name)));
        return page(sorted, input);
    }

    private static JsonNode page(List<IamGroup> groups, Input input) {
        ObjectNode output = IamJson.NODES.objectNode();
        ArrayNode listed = output.putArray("Groups");
        IamPage.of(groups, group -> IamNames.key(group.name), input, output)
                .forEach(group -> listed.add(IamJson.group(group)));
        return output;
    }

    private IamGroup group(Input input) {
        return (IamGroup) IdentityKind.GROUP.read(store, input);
    }

    private IamUser user(Input input) {
        return (IamUser) IdentityKind.USER.read(store, input);
    }
}
