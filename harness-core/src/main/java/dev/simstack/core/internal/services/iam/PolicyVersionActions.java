package dev.simstack.core.internal.services.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.SimClock;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A managed policy's versions and who it is attached to: CreatePolicyVersion, GetPolicyVersion,
 * ListPolicyVersions, DeletePolicyVersion, SetDefaultPolicyVersion and ListEntitiesForPolicy.
 */
final class PolicyVersionActions {

    private static final Pattern VERSION_ID = Pattern.compile("v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");
    private static final Pattern ENTITY_FILTER =
            Pattern.compile("User|Role|Group|LocalManagedPolicy|AWSManagedPolicy");

    private final IamStore store;
    private final PolicyActions policies;
    private final SimClock clock;

    PolicyVersionActions(IamStore store, PolicyActions policies, SimClock clock) {
        this.store = store;
        this.policies = policies;
        this.clock = clock;
    }

    void register(OperationTable<IamOperation> operations) {
        operations.put("CreatePolicyVersion", this::createPolicyVersion);
        operations.put("GetPolicyVersion", (call, input) -> {
            ManagedPolicy policy = policies.policy(input);
            return RoleActions.wrap("PolicyVersion", IamJson.version(policy, version(policy, input), true));
        });
        operations.put("ListPolicyVersions", this::listPolicyVersions);
        operations.put("DeletePolicyVersion", this::deletePolicyVersion);
        operations.put("SetDefaultPolicyVersion", this::setDefaultPolicyVersion);
        operations.put("ListEntitiesForPolicy", this::listEntitiesForPolicy);
    }

    private JsonNode createPolicyVersion(DecodedCall call, Input input) {
        String document = input.string("PolicyDocument");
        new Violations().required("PolicyDocument", document).length("PolicyDocument", document, 1, 131072).check();
        ManagedPolicy policy = policies.policy(input);
        PolicyActions.checkDocument(document);
        if (policy.versions.size() >= ManagedPolicy.VERSIONS_MAX) {
            throw IamErrors.limitExceeded("A managed policy can have up to " + ManagedPolicy.VERSIONS_MAX
                    + " versions. Before you create a new version, you must delete an existing version.");
        }
        ManagedPolicy.Version version = policy.addVersion(document, clock.now());
        if (Boolean.TRUE.equals(input.bool("SetAsDefault"))) {
            makeDefault(policy, version);
        }
        return RoleActions.wrap("PolicyVersion", IamJson.version(policy, version, false));
    }

    private JsonNode listPolicyVersions(DecodedCall call, Input input) {
        ManagedPolicy policy = policies.policy(input);
        ObjectNode output = IamJson.NODES.objectNode();
        ArrayNode versions = output.putArray("Versions");
        // Newest first, so version ids are not in the marker's order: the marker is a position instead.
        List<ManagedPolicy.Version> newestFirst = policy.newestFirst();
        IamPage.of(newestFirst, version -> String.format("%08d", newestFirst.indexOf(version)),
                input, output).forEach(version -> versions.add(IamJson.version(policy, version, false)));
        return output;
    }

    private JsonNode deletePolicyVersion(DecodedCall call, Input input) {
        ManagedPolicy policy = policies.policy(input);
        ManagedPolicy.Version version = version(policy, input);
        if (version.id().equals(policy.defaultVersion)) {
            throw IamErrors.deleteConflict("Cannot delete the default version of a policy.");
        }
        policy.versions.values().remove(version);
        return IamJson.NODES.objectNode();
    }

    private JsonNode setDefaultPolicyVersion(DecodedCall call, Input input) {
        ManagedPolicy policy = policies.policy(input);
        makeDefault(policy, version(policy, input));
        return IamJson.NODES.objectNode();
    }

    private void makeDefault(ManagedPolicy policy, ManagedPolicy.Version version) {
        policy.defaultVersion = version.id();
        policy.updated = clock.now();
    }

    /** The roles, users and groups a policy (the account's, or an AWS managed one) is attached to. */
    private JsonNode listEntitiesForPolicy(DecodedCall call, Input input) {
        String arn = input.string("PolicyArn");
        String filter = input.string("EntityFilter");
        String prefix = input.has("PathPrefix") ? input.string("PathPrefix") : "/";
        new Violations().required("PolicyArn", arn).length("PolicyArn", arn, 20, 2048)
                .pattern("EntityFilter", filter, ENTITY_FILTER).check();
        if (!store.isAttachable(arn)) {
            throw IamErrors.noSuchEntity("Policy " + arn + " was not found.");
        }
        ObjectNode output = IamJson.NODES.objectNode();
        entities(output, "PolicyGroups", "Group", filter, store.groups.sorted(), arn, prefix);
        entities(output, "PolicyUsers", "User", filter, store.users.sorted(), arn, prefix);
        entities(output, "PolicyRoles", "Role", filter, store.roles.sorted(), arn, prefix);
        output.put("IsTruncated", false);
        return output;
    }

    private static void entities(ObjectNode output, String member, String word, String filter,
            List<? extends IamIdentity> identities, String arn, String prefix) {
        ArrayNode listed = output.putArray(member);
        if (filter != null && !Set.of(word, "LocalManagedPolicy", "AWSManagedPolicy").contains(filter)) {
            return;
        }
        identities.stream().filter(identity -> identity.attached.contains(arn) && identity.path.startsWith(prefix))
                .forEach(identity -> listed.addObject().put(word + "Name", identity.name).put(word + "Id", identity.id));
    }

    /** The version {@code VersionId} names, checked for its shape and to exist. */
    private static ManagedPolicy.Version version(ManagedPolicy policy, Input input) {
        String versionId = input.string("VersionId");
        new Violations().required("VersionId", versionId).pattern("VersionId", versionId, VERSION_ID).check();
        ManagedPolicy.Version version = policy.version(versionId);
        if (version == null) {
            throw IamErrors.noSuchEntity("Policy " + policy.arn + " version " + versionId
                    + " does not exist or is not attachable.");
        }
        return version;
    }
}
