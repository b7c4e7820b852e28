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
 * The policies of one kind of identity (roles, users or groups): managed ones attached ({@code Attach*Policy},
 * {@code Detach*Policy}, {@code ListAttached*Policies}) and inline ones ({@code Put*Policy}, {@code Get*Policy},
 * {@code Delete*Policy}, {@code List*Policies}).
 */
final class IdentityPolicyActions {

    private final IamStore store;
    private final IdentityKind kind;

    IdentityPolicyActions(IamStore store, IdentityKind kind) {
        this.store = store;
        this.kind = kind;
    }

    void register(OperationTable<IamOperation> operations) {
        String word = kind.word;
        operations.put("Attach" + word + "Policy", this::attachPolicy);
        operations.put("Detach" + word + "Policy", this::detachPolicy);
        operations.put("ListAttached" + word + "Policies", this::listAttachedPolicies);
        operations.put("Put" + word + "Policy", this::putPolicy);
        operations.put("Get" + word + "Policy", this::getPolicy);
        operations.put("Delete" + word + "Policy", this::deletePolicy);
        operations.put("List" + word + "Policies", this::listPolicies);
    }

    private JsonNode attachPolicy(DecodedCall call, Input input) {
        IamIdentity identity = kind.read(store, input);
        String arn = policyArn(input);
        if (!store.isAttachable(arn)) {
            throw IamErrors.noSuchEntity("Policy " + arn + " does not exist or is not attachable.");
        }
        if (!identity.attached.contains(arn)) {
            if (identity.attached.size() >= kind.attachedMax) {
                throw IamErrors.limitExceeded("Cannot exceed quota for PoliciesPer" + kind.word + ": "
                        + kind.attachedMax);
            }
            identity.attached.add(arn);
            ManagedPolicy policy = store.findPolicy(arn);
            if (policy != null) {
                policy.attachments++;
            }
        }
        return IamJson.NODES.objectNode();
    }

    private JsonNode detachPolicy(DecodedCall call, Input input) {
        IamIdentity identity = kind.read(store, input);
        String arn = policyArn(input);
        if (!identity.attached.remove(arn)) {
            throw IamErrors.noSuchEntity("Policy " + arn + " was not found.");
        }
        ManagedPolicy policy = store.findPolicy(arn);
        if (policy != null) {
            policy.attachments--;
        }
        return IamJson.NODES.objectNode();
    }

    private JsonNode listAttachedPolicies(DecodedCall call, Input input) {
        IamIdentity identity = kind.read(store, input);
        String prefix = input.has("PathPrefix") ? input.string("PathPrefix") : "/";
        List<String> arns = new ArrayList<>(identity.attached);
        arns.removeIf(arn -> !pathOf(arn).startsWith(prefix));
        arns.sort(Comparator.naturalOrder());
        ObjectNode output = IamJson.NODES.objectNode();
        ArrayNode attached = output.putArray("AttachedPolicies");
        IamPage.of(arns, arn -> arn, input, output).forEach(arn ->
                attached.addObject().put("PolicyName", arn.substring(arn.lastIndexOf('/') + 1)).put("PolicyArn", arn));
        return output;
    }

    private JsonNode putPolicy(DecodedCall call, Input input) {
        String policyName = input.string("PolicyName");
        String document = input.string("PolicyDocument");
        String name = input.string(kind.member());
        IamNames.policyName(IamNames.name(new Violations(), kind.member(), name, kind.nameMax), policyName)
                .required("PolicyDocument", document).length("PolicyDocument", document, 1, 131072).check();
        IamIdentity identity = kind.of(store).get(name);
        PolicyDocuments.check(document, PolicyDocuments.Kind.IDENTITY);
        int total = PolicyDocuments.size(document);
        for (var inline : identity.inline.entrySet()) {
            total += inline.getKey().equals(policyName) ? 0 : PolicyDocuments.size(inline.getValue());
        }
        if (total > kind.inlineMax) {
            throw IamErrors.limitExceeded("Maximum policy size of " + kind.inlineMax + " bytes exceeded for "
                    + kind.lower() + " " + identity.name);
        }
        identity.inline.put(policyName, document);
        return IamJson.NODES.objectNode();
    }

    private JsonNode getPolicy(DecodedCall call, Input input) {
        IamIdentity identity = kind.read(store, input);
        String policyName = inlineName(input, identity);
        return IamJson.NODES.objectNode().put(kind.member(), identity.name).put("PolicyName", policyName)
                .put("PolicyDocument", IamJson.document(identity.inline.get(policyName)));
    }

    private JsonNode deletePolicy(DecodedCall call, Input input) {
        IamIdentity identity = kind.read(store, input);
        identity.inline.remove(inlineName(input, identity));
        return IamJson.NODES.objectNode();
    }

    private JsonNode listPolicies(DecodedCall call, Input input) {
        IamIdentity identity = kind.read(store, input);
        ObjectNode output = IamJson.NODES.objectNode();
        ArrayNode names = output.putArray("PolicyNames");
        IamPage.of(new ArrayList<>(identity.inline.keySet()), name -> name, input, output).forEach(names::add);
        return output;
    }

    private static String policyArn(Input input) {
        String arn = input.string("PolicyArn");
        new Violations().required("PolicyArn", arn).length("PolicyArn", arn, 20, 2048).check();
        if (!arn.startsWith("arn:") || !arn.contains(":policy/")) {
            throw IamErrors.invalidInput("ARN " + arn + " is not valid.");
        }
        return arn;
    }

    /** The inline policy {@code PolicyName} names on {@code identity}, checked to exist. */
    private String inlineName(Input input, IamIdentity identity) {
        String policyName = input.string("PolicyName");
        IamNames.policyName(new Violations(), policyName).check();
        if (!identity.inline.containsKey(policyName)) {
            throw IamErrors.noSuchEntity("The " + kind.lower() + " policy with name " + policyName
                    + " cannot be found.");
        }
        return policyName;
    }

    /** The path of a policy ARN: what lies between {@code policy} and the name, e.g. {@code /service-role/}. */
    static String pathOf(String arn) {
        String resource = arn.substring(arn.indexOf(":policy") + ":policy".length());
        return resource.substring(0, resource.lastIndexOf('/') + 1);
    }
}
