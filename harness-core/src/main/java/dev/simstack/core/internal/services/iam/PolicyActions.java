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
 * Customer managed policies: CreatePolicy, GetPolicy, GetPolicyVersion, ListPolicyVersions, ListPolicies
 * and DeletePolicy. Each has one version, {@code v1}; AWS managed policies are attachable by ARN but not
 * listed or read.
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
        operations.put("GetPolicyVersion", this::getPolicyVersion);
        operations.put("ListPolicyVersions", this::listPolicyVersions);
        operations.put("ListPolicies", this::listPolicies);
        operations.put("DeletePolicy", this::deletePolicy);
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

    private JsonNode getPolicyVersion(DecodedCall call, Input input) {
        ManagedPolicy policy = policy(input);
        String version = input.string("VersionId");
        new Violations().required("VersionId", version).pattern("VersionId", version,
                java.util.regex.Pattern.compile("v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?")).check();
        if (!ManagedPolicy.DEFAULT_VERSION.equals(version)) {
            throw IamErrors.noSuchEntity("Policy " + policy.arn + " version " + version + " does not exist or is"
                    + " not attachable.");
        }
        return RoleActions.wrap("PolicyVersion", IamJson.version(policy));
    }

    private JsonNode listPolicyVersions(DecodedCall call, Input input) {
        ManagedPolicy policy = policy(input);
        ObjectNode output = IamJson.NODES.objectNode();
        ObjectNode version = IamJson.version(policy);
        version.remove("Document"); // ListPolicyVersions leaves the documents out
        output.putArray("Versions").add(version);
        output.put("IsTruncated", false);
        return output;
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
        store.remove(policy);
        return IamJson.NODES.objectNode();
    }

    /** The account's policy {@code PolicyArn} names. */
    private ManagedPolicy policy(Input input) {
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
