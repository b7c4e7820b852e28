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

/** Roles: CreateRole, GetRole, ListRoles, UpdateRole, UpdateAssumeRolePolicy, DeleteRole and their tags. */
final class RoleActions {

    /** AWS's quota on a trust policy's size (ACLSizePerRole), white space not counted. */
    private static final int TRUST_POLICY_MAX = 2048;
    private static final int DEFAULT_SESSION = 3600;

    private final IamStore store;
    private final UniqueIds ids;
    private final SimClock clock;

    RoleActions(IamStore store, UniqueIds ids, SimClock clock) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
    }

    void register(OperationTable<IamOperation> operations) {
        operations.put("CreateRole", this::createRole);
        operations.put("GetRole", (call, input) -> wrap("Role", IamJson.role(role(input), true)));
        operations.put("ListRoles", this::listRoles);
        operations.put("UpdateRole", this::updateRole);
        operations.put("UpdateAssumeRolePolicy", this::updateAssumeRolePolicy);
        operations.put("DeleteRole", this::deleteRole);
        Tags.register(operations, "Role", input -> role(input).tags);
    }

    private JsonNode createRole(DecodedCall call, Input input) {
        String name = input.string("RoleName");
        String path = input.has("Path") ? input.string("Path") : "/";
        String trustPolicy = input.string("AssumeRolePolicyDocument");
        String description = input.string("Description");
        Integer maxSession = input.integer("MaxSessionDuration");
        Violations violations = IamNames.roleName(new Violations(), name);
        IamNames.path(violations, "Path", path).required("AssumeRolePolicyDocument", trustPolicy)
                .length("AssumeRolePolicyDocument", trustPolicy, 1, 131072)
                .length("Description", description, 0, IamNames.DESCRIPTION_MAX)
                .range("MaxSessionDuration", maxSession, IamNames.SESSION_MIN, IamNames.SESSION_MAX).check();
        Map<String, String> tags = Tags.read(input);
        checkTrustPolicy(trustPolicy);
        store.roles.checkFree(name);
        IamRole role = new IamRole(name, path, ids.uniqueId("AROA"), store.roleArn(path, name), clock.now());
        role.trustPolicy = trustPolicy;
        role.description = description;
        role.maxSessionDuration = maxSession == null ? DEFAULT_SESSION : maxSession;
        Tags.merge(role.tags, tags, "Role");
        store.roles.add(role);
        return wrap("Role", IamJson.role(role, true));
    }

    private JsonNode listRoles(DecodedCall call, Input input) {
        String prefix = input.has("PathPrefix") ? input.string("PathPrefix") : "/";
        List<IamRole> matching = store.roles.sorted().stream().filter(role -> role.path.startsWith(prefix)).toList();
        ObjectNode output = IamJson.NODES.objectNode();
        ArrayNode roles = output.putArray("Roles");
        IamPage.of(matching, role -> IamNames.key(role.name), input, output)
                .forEach(role -> roles.add(IamJson.role(role, false)));
        return output;
    }

    private JsonNode updateRole(DecodedCall call, Input input) {
        Integer maxSession = input.integer("MaxSessionDuration");
        String description = input.string("Description");
        IamNames.roleName(new Violations(), input.string("RoleName"))
                .length("Description", description, 0, IamNames.DESCRIPTION_MAX)
                .range("MaxSessionDuration", maxSession, IamNames.SESSION_MIN, IamNames.SESSION_MAX).check();
        IamRole role = role(input);
        if (description != null) {
            role.description = description;
        }
        if (maxSession != null) {
            role.maxSessionDuration = maxSession;
        }
        return IamJson.NODES.objectNode();
    }

    private JsonNode updateAssumeRolePolicy(DecodedCall call, Input input) {
        String document = input.string("PolicyDocument");
        IamNames.roleName(new Violations(), input.string("RoleName")).required("PolicyDocument", document)
                .length("PolicyDocument", document, 1, 131072).check();
        IamRole role = role(input);
        checkTrustPolicy(document);
        role.trustPolicy = document;
        return IamJson.NODES.objectNode();
    }

    private JsonNode deleteRole(DecodedCall call, Input input) {
        IamRole role = role(input);
        if (store.instanceProfiles.sorted().stream().anyMatch(profile -> profile.roles.contains(role))) {
            throw IamErrors.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
        }
        role.checkNoPolicies();
        store.roles.remove(role);
        return IamJson.NODES.objectNode();
    }

    /** The role {@code RoleName} names, after checking the name's shape. */
    private IamRole role(Input input) {
        String name = input.string("RoleName");
        IamNames.roleName(new Violations(), name).check();
        return store.roles.get(name);
    }

    private static void checkTrustPolicy(String document) {
        if (PolicyDocuments.size(document) > TRUST_POLICY_MAX) {
            throw IamErrors.limitExceeded("Cannot exceed quota for ACLSizePerRole: " + TRUST_POLICY_MAX);
        }
        PolicyDocuments.check(document, PolicyDocuments.Kind.TRUST);
    }

    static ObjectNode wrap(String member, ObjectNode value) {
        ObjectNode output = IamJson.NODES.objectNode();
        output.set(member, value);
        return output;
    }
}
