package dev.simstack.core.internal.services.iam;

import dev.simstack.core.AwsService;
import dev.simstack.core.ResourceRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The roles and managed policies of a stack's account. IAM is global: one store per stack, whatever the
 * region a call is signed for. Not thread-safe: {@link IamService} runs each call under its lock.
 */
public final class IamStore {

    /** AWS managed policies ({@code arn:aws:iam::aws:policy/...}) exist in every account. */
    private static final Pattern AWS_MANAGED = Pattern.compile("arn:aws:iam::aws:policy/([\\u0021-\\u007E]+/)?[\\w+=,.@-]+");

    private final String account;
    private final Map<String, IamRole> roles = new HashMap<>();
    private final Map<String, ManagedPolicy> policiesByName = new HashMap<>();
    private final Map<String, ManagedPolicy> policiesByArn = new HashMap<>();

    IamStore(String account) {
        this.account = account;
    }

    String account() {
        return account;
    }

    /** A role's ARN: {@code arn:aws:iam::<account>:role/<path><name>}. */
    String roleArn(String path, String name) {
        return new ResourceRef(AwsService.IAM, "", account, path.substring(1) + name).arn();
    }

    /** A customer managed policy's ARN: {@code arn:aws:iam::<account>:policy/<path><name>}. */
    String policyArn(String path, String name) {
        return "arn:aws:iam::" + account + ":policy" + path + name;
    }

    IamRole findRole(String name) {
        return name == null ? null : roles.get(IamNames.key(name));
    }

    IamRole role(String name) {
        IamRole role = findRole(name);
        if (role == null) {
            throw IamErrors.noSuchEntity("The role with name " + name + " cannot be found.");
        }
        return role;
    }

    void add(IamRole role) {
        if (roles.putIfAbsent(IamNames.key(role.name), role) != null) {
            throw IamErrors.entityAlreadyExists("Role with name " + role.name + " already exists.");
        }
    }

    void remove(IamRole role) {
        roles.remove(IamNames.key(role.name));
    }

    /** Every role, by name regardless of case, as ListRoles answers them. */
    List<IamRole> roles() {
        List<IamRole> all = new ArrayList<>(roles.values());
        all.sort(Comparator.comparing(role -> IamNames.key(role.name)));
        return all;
    }

    ManagedPolicy policy(String arn) {
        ManagedPolicy policy = arn == null ? null : policiesByArn.get(arn);
        if (policy == null) {
            throw IamErrors.noSuchEntity("Policy " + arn + " was not found.");
        }
        return policy;
    }

    /** Whether {@code arn} names a policy a role can have attached: one of the account's, or AWS's. */
    boolean isAttachable(String arn) {
        return policiesByArn.containsKey(arn) || AWS_MANAGED.matcher(arn).matches();
    }

    /** The account's policy {@code arn}, or null for an AWS managed policy (which is not stored). */
    ManagedPolicy findPolicy(String arn) {
        return policiesByArn.get(arn);
    }

    void add(ManagedPolicy policy) {
        if (policiesByName.putIfAbsent(IamNames.key(policy.name), policy) != null) {
            throw IamErrors.entityAlreadyExists("A policy called " + policy.name
                    + " already exists. Duplicate names are not allowed.");
        }
        policiesByArn.put(policy.arn, policy);
    }

    void remove(ManagedPolicy policy) {
        policiesByName.remove(IamNames.key(policy.name));
        policiesByArn.remove(policy.arn);
    }

    List<ManagedPolicy> policies() {
        List<ManagedPolicy> all = new ArrayList<>(policiesByArn.values());
        all.sort(Comparator.comparing(policy -> IamNames.key(policy.name)));
        return all;
    }

    /** The role named {@code name}'s id and longest session, for STS; null if there is no such role. */
    public RoleSummary summary(String name) {
        IamRole role = findRole(name);
        return role == null ? null : new RoleSummary(role.id, role.maxSessionDuration);
    }

    void clear() {
        roles.clear();
        policiesByName.clear();
        policiesByArn.clear();
    }

    /**
     * What STS reads of a role it assumes.
     *
     * @param roleId the role's unique id, {@code AROA...}
     * @param maxSessionDuration the longest session the role allows, in seconds
     */
    public record RoleSummary(String roleId, int maxSessionDuration) {
    }
}
