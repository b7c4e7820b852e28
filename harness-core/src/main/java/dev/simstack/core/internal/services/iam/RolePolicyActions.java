package dev.simstack.core.internal.services.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A role's policies: managed ones attached (AttachRolePolicy, DetachRolePolicy, ListAttachedRolePolicies)
 * and inline ones (PutRolePolicy, GetRolePolicy, DeleteRolePolicy, ListRolePolicies).
 */
final class RolePolicyActions {

    /** AWS's default quota of managed policies attached to a role (PoliciesPerRole). */
    private static final int ATTACHED_MAX = 10;
    /** AWS's quota on the inline policies of a role together, white space not counted. */
    private static final int INLINE_MAX = 10240;

    private final IamStore store;

    RolePolicyActions(IamStore store) {
        this.store = store;
    }

    void register(OperationTable<IamOperation> operations) {
        operations.put("AttachRolePolicy", this::attachRolePolicy);
        operations.put("DetachRolePolicy", this::detachRolePolicy);
        operations.put("ListAttachedRolePolicies", this::listAttachedRolePolicies);
        operations.put("PutRolePolicy", this::putRolePolicy);
        operations.put("GetRolePolicy", this::getRolePolicy);
        operations.put("DeleteRolePolicy", this::deleteRolePolicy);
        operations.put("ListRolePolicies", this::listRolePolicies);
    }

    private JsonNode attachRolePolicy(DecodedCall call, Input input) {
        IamRole role = role(input);
        String arn = policyArn(input);
        if (!store.isAttachable(arn)) {
            throw IamErrors.noSuchEntity("Policy " + arn + " does not exist or is not attachable.");
        }
        if (!role.attached.contains(arn)) {
            if (role.attached.size() >= ATTACHED_MAX) {
                throw IamErrors.limitExceeded("Cannot exceed quota for PoliciesPerRole: " + ATTACHED_MAX);
            }
            role.attached.add(arn);
            ManagedPolicy policy = store.findPolicy(arn);
            if (policy != null) {
                policy.attachments++;
            }
        }
        return IamJson.NODES.objectNode();
    }

    private JsonNode detachRolePolicy(DecodedCall call, Input input) {
        IamRole role = role(input);
        String arn = policyArn(input);
        if (!role.attached.remove(arn)) {
            throw IamErrors.noSuchEntity("Policy " + arn + " was not found.");
        }
        ManagedPolicy policy = store.findPolicy(arn);
        if (policy != null) {
            policy.attachments--;
        }
        return IamJson.NODES.objectNode();
    }

    private JsonNode listAttachedRolePolicies(DecodedCall call, Input input) {
        IamRole role = role(input);
        String prefix = input.has("PathPrefix") ? input.string("PathPrefix") : "/";
        List<String> arns = new ArrayList<>(role.attached);
        arns.removeIf(arn -> !pathOf(arn).startsWith(prefix));
        arns.sort(Comparator.naturalOrder());
        ObjectNode output = IamJson.NODES.objectNode();
        ArrayNode attached = output.putArray("AttachedPolicies");
        IamPage.of(arns, arn -> arn, input, output).forEach(arn ->
                attached.addObject().put("PolicyName", arn.substring(arn.lastIndexOf('/') + 1)).put("PolicyArn", arn));
        return output;
    }

    private JsonNode putRolePolicy(DecodedCall call, Input input) {
        String policyName = input.string("PolicyName");
        String document = input.string("PolicyDocument");
        IamNames.policyName(IamNames.roleName(new Violations(), input.string("RoleName")), policyName)
                .required("PolicyDocument", document).length("PolicyDocument", document, 1, 131072).check();
        IamRole role = store.role(input.string("RoleName"));
        PolicyDocuments.check(document, PolicyDocuments.Kind.IDENTITY);
        int total = PolicyDocuments.size(document);
        for (var inline : role.inline.entrySet()) {
            total += inline.getKey().equals(policyName) ? 0 : PolicyDocuments.size(inline.getValue());
        }
        if (total > INLINE_MAX) {
            throw IamErrors.limitExceeded("Maximum policy size of " + INLINE_MAX + " bytes exceeded for role "
                    + role.name);
        }
        role.inline.put(policyName, document);
        return IamJson.NODES.objectNode();
    }

    private JsonNode getRolePolicy(DecodedCall call, Input input) {
        IamRole role = role(input);
        String policyName = inlineName(input, role);
        return IamJson.NODES.objectNode().put("RoleName", role.name).put("PolicyName", policyName)
                .put("PolicyDocument", IamJson.document(role.inline.get(policyName)));
    }

    private JsonNode deleteRolePolicy(DecodedCall call, Input input) {
        IamRole role = role(input);
        role.inline.remove(inlineName(input, role));
        return IamJson.NODES.objectNode();
    }

    private JsonNode listRolePolicies(DecodedCall call, Input input) {
        IamRole role = role(input);
        ObjectNode output = IamJson.NODES.objectNode();
        ArrayNode names = output.putArray("PolicyNames");
        IamPage.of(new ArrayList<>(role.inline.keySet()), name -> name, input, output).forEach(names::add);
        return output;
    }

    private IamRole role(Input input) {
        String name = input.string("RoleName");
        IamNames.roleName(new Violations(), name).check();
        return store.role(name);
    }

    private static String policyArn(Input input) {
        String arn = input.string("PolicyArn");
        new Violations().required("PolicyArn", arn).length("PolicyArn", arn, 20, 2048).check();
        if (!arn.startsWith("arn:") || !arn.contains(":policy/")) {
            throw IamErrors.invalidInput("ARN " + arn + " is not valid.");
        }
        return arn;
    }

    /** The inline policy {@code PolicyName} names on {@code role}, checked to exist. */
    private static String inlineName(Input input, IamRole role) {
        String policyName = input.string("PolicyName");
        IamNames.policyName(new Violations(), policyName).check();
        if (!role.inline.containsKey(policyName)) {
            throw IamErrors.noSuchEntity("The role policy with name " + policyName + " cannot be found.");
        }
        return policyName;
    }

    /** The path of a policy ARN: what lies between {@code policy} and the name, e.g. {@code /service-role/}. */
    private static String pathOf(String arn) {
        String resource = arn.substring(arn.indexOf(":policy") + ":policy".length());
        return resource.substring(0, resource.lastIndexOf('/') + 1);
    }
}
