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

/** Users: CreateUser, GetUser, UpdateUser, DeleteUser, ListUsers and their tags. */
final class UserActions {

    static final int NAME_MAX = 64;

    private final IamStore store;
    private final UniqueIds ids;
    private final SimClock clock;

    UserActions(IamStore store, UniqueIds ids, SimClock clock) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
    }

    void register(OperationTable<IamOperation> operations) {
        operations.put("CreateUser", this::createUser);
        operations.put("GetUser", this::getUser);
        operations.put("UpdateUser", this::updateUser);
        operations.put("DeleteUser", this::deleteUser);
        operations.put("ListUsers", this::listUsers);
        Tags.register(operations, "User", input -> user(input).tags);
    }

    private JsonNode createUser(DecodedCall call, Input input) {
        String name = input.string("UserName");
        String path = input.has("Path") ? input.string("Path") : "/";
        IamNames.path(IamNames.name(new Violations(), "UserName", name, NAME_MAX), "Path", path).check();
        Map<String, String> tags = Tags.read(input);
        store.users.checkFree(name);
        IamUser user = new IamUser(name, path, ids.uniqueId("AIDA"), store.arn("user", path, name), clock.now());
        Tags.merge(user.tags, tags, "User");
        store.users.add(user);
        return RoleActions.wrap("User", IamJson.user(user, true));
    }

    /** Without a {@code UserName}, the user whose access key signed the call; the root user for any other key. */
    private JsonNode getUser(DecodedCall call, Input input) {
        if (input.has("UserName")) {
            return RoleActions.wrap("User", IamJson.user(user(input), true));
        }
        AccessKey key = call.accessKeyId() == null ? null : store.accessKeys.get(call.accessKeyId());
        if (key != null) {
            return RoleActions.wrap("User", IamJson.user(key.user, true));
        }
        ObjectNode root = IamJson.NODES.objectNode().put("UserId", store.account())
                .put("Arn", "arn:aws:iam::" + store.account() + ":root")
                .put("CreateDate", IamJson.date(clock.now()));
        return RoleActions.wrap("User", root);
    }

    private JsonNode updateUser(DecodedCall call, Input input) {
        String newName = input.string("NewUserName");
        String newPath = input.string("NewPath");
        IamNames.path(IamNames.name(new Violations(), "UserName", input.string("UserName"), NAME_MAX), "NewPath",
                newPath).length("NewUserName", newName, 1, NAME_MAX).pattern("NewUserName", newName, IamNames.NAME)
                .check();
        IamUser user = user(input);
        if (newName != null && !IamNames.key(newName).equals(IamNames.key(user.name))) {
            store.users.checkFree(newName);
        }
        // The name is the map's key: the user leaves it under the old name and comes back under the new one.
        store.users.remove(user);
        user.name = newName != null ? newName : user.name;
        user.path = newPath != null ? newPath : user.path;
        user.arn = store.arn("user", user.path, user.name);
        store.users.add(user);
        return IamJson.NODES.objectNode();
    }

    private JsonNode deleteUser(DecodedCall call, Input input) {
        IamUser user = user(input);
        // IAM leaves nothing of a user behind: keys, group memberships and policies go first, as the CLI's docs say.
        if (!user.accessKeys.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must delete access keys first.");
        }
        if (!user.groups.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must remove user from all groups first.");
        }
        user.checkNoPolicies();
        store.users.remove(user);
        return IamJson.NODES.objectNode();
    }

    private JsonNode listUsers(DecodedCall call, Input input) {
        String prefix = input.has("PathPrefix") ? input.string("PathPrefix") : "/";
        List<IamUser> matching = store.users.sorted().stream().filter(user -> user.path.startsWith(prefix)).toList();
        ObjectNode output = IamJson.NODES.objectNode();
        ArrayNode users = output.putArray("Users");
        IamPage.of(matching, user -> IamNames.key(user.name), input, output)
                .forEach(user -> users.add(IamJson.user(user, false)));
        return output;
    }

    private IamUser user(Input input) {
        return (IamUser) IdentityKind.USER.read(store, input);
    }
}
