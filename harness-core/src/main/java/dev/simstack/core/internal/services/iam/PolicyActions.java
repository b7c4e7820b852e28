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
 * Customer managed policies: CreatePolicy, GetPolicy, ListPolicies, DeletePolicy and their tags (their
 * versions are {@link PolicyVersionActions}'). AWS managed policies are attachable by ARN but not listed or read.
 */
final class PolicyActions {

    /** AWS's quota on a managed policy's size, white space not counted. */
    private static final int POLICY_MAX = 6144;

    private final IamStore store;
    private final UniqueIds ids;
    private final SimClock clock;

    PolicyActions(IamStore store, UniqueIds ids, SimClock clock) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
    }

    void register(OperationTable<IamOperation> operations) {
        operations.put("CreatePolicy", this::createPolicy);
        operations.put("GetPolicy", (call, input) -> RoleActions.wrap("Policy", IamJson.policy(policy(input), true)));
        operations.put("ListPolicies", this::listPolicies);
        operations.put("DeletePolicy", this::deletePolicy);
        Tags.register(operations, "Policy", input -> policy(input).tags);
    }

    private JsonNode createPolicy(DecodedCall call, Input input) {
        String name = input.string("PolicyName");
        String path = input.has("Path") ? input.string("Path") : "/";
        String document = input.string("PolicyDocument");
        String description = input.string("Description");
        Violations violations = IamNames.policyName(new Violations(), name);
        IamNames.path(violations, "Path", path).required("PolicyDocument", document)
                .length("PolicyDocument", document, 1, 131072)
                .length("Description", description, 0, IamNames.DESCRIPTION_MAX).check();
        Map<String, String> tags = Tags.read(input);
        checkDocument(document);
        ManagedPolicy policy = new ManagedPolicy(name, path, ids.uniqueId("ANPA"), store.policyArn(path, name),
                description, document, clock.now());
        Tags.merge(policy.tags, tags, "Policy");
        store.add(policy);
        return RoleActions.wrap("Policy", IamJson.policy(policy, true));
    }

    private JsonNode listPolicies(DecodedCall call, Input input) {
        String scope = input.has("Scope") ? input.string("Scope") : "All";
        String prefix = input.has("PathPrefix") ? input.string("PathPrefix") : "/";
        boolean onlyAttached = Boolean.TRUE.equals(input.bool("OnlyAttached"));
        // AWS managed policies are not stored, so Scope=AWS lists none.
        List<ManagedPolicy> matching = scope.equals("AWS") ? List.of() : store.policies().stream()
                .filter(policy -> policy.path.startsWith(prefix))
                .filter(policy -> !onlyAttached || policy.attachments > 0).toList();
        ObjectNode output = IamJson.NODES.objectNode();
        ArrayNode policies = output.putArray("Policies");
        IamPage.of(matching, policy -> IamNames.key(policy.name), input, output)
                .forEach(policy -> policies.add(IamJson.policy(policy, false)));
        return output;
    }

    private JsonNode deletePolicy(DecodedCall call, Input input) {
        ManagedPolicy policy = policy(input);
        if (policy.attachments > 0) {
            throw IamErrors.deleteConflict("Cannot delete a policy attached to entities.");
        }
        if (policy.versions.size() > 1) {
            throw IamErrors.deleteConflict("This policy has more than one version. Before you delete a policy, you"
                    + " must delete the policy's versions. The default version is deleted with the policy.");
        }
        store.remove(policy);
        return IamJson.NODES.objectNode();
    }

    /** The account's policy {@code PolicyArn} names. */
    ManagedPolicy policy(Input input) {
        String arn = input.string("PolicyArn");
        new Violations().required("PolicyArn", arn).length("PolicyArn", arn, 20, 2048).check();
        if (!arn.startsWith("arn:")) {
            throw IamErrors.invalidInput("ARN " + arn + " is not valid.");
        }
        return store.policy(arn);
    }

    static void checkDocument(String document) {
        if (PolicyDocuments.size(document) > POLICY_MAX) {
            throw IamErrors.limitExceeded("Cannot exceed quota for PolicySize: " + POLICY_MAX);
        }
        PolicyDocuments.check(document, PolicyDocuments.Kind.IDENTITY);
    }
}
