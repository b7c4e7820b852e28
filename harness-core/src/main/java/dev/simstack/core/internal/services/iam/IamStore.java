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
 * The roles, users, groups, instance profiles, access keys and managed policies of a stack's account. IAM is global: one store per stack, whatever the
 * region a call is signed for. Not thread-safe: {@link IamService} runs each call under its lock.
 */
public final class IamStore {

    /** AWS managed policies ({@code arn:aws:iam::aws:policy/...}) exist in every account. */
    private static final Pattern AWS_MANAGED = Pattern.compile("arn:aws:iam::aws:policy/([\\u0021-\\u007E]+/)?[\\w+=,.@-]+");

    private final String account;
    final NamedEntities<IamRole> roles = new NamedEntities<>(role -> role.name,
            "The role with name %s cannot be found.", "Role with name %s already exists.");
    final NamedEntities<IamUser> users = new NamedEntities<>(user -> user.name,
            "The user with name %s cannot be found.", "User with name %s already exists.");
    final NamedEntities<IamGroup> groups = new NamedEntities<>(group -> group.name,
            "The group with name %s cannot be found.", "Group with name %s already exists.");
    final NamedEntities<InstanceProfile> instanceProfiles = new NamedEntities<>(profile -> profile.name,
            "Instance Profile %s cannot be found.", "Instance Profile %s already exists.");
    /** Every user's access keys, by id. */
    final Map<String, AccessKey> accessKeys = new HashMap<>();
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

    /**
     * The ARN of another kind of IAM entity: {@code arn:aws:iam::<account>:<kind><path><name>}, kind
     * {@code policy}, {@code user}, {@code group} or {@code instance-profile}.
     */
    String arn(String kind, String path, String name) {
        return "arn:aws:iam::" + account + ":" + kind + path + name;
    }

    /** A customer managed policy's ARN: {@code arn:aws:iam::<account>:policy/<path><name>}. */
    String policyArn(String path, String name) {
        return arn("policy", path, name);
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
        IamRole role = roles.find(name);
        return role == null ? null : new RoleSummary(role.id, role.maxSessionDuration);
    }

    /** The user whose access key {@code accessKeyId} is, for STS; null if no user of this stack has it. */
    public UserSummary keyOwner(String accessKeyId) {
        AccessKey key = accessKeyId == null ? null : accessKeys.get(accessKeyId);
        return key == null ? null : new UserSummary(key.user.id, key.user.arn);
    }

    void clear() {
        roles.clear();
        users.clear();
        groups.clear();
        instanceProfiles.clear();
        accessKeys.clear();
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

    /**
     * What STS reads of the user an access key belongs to.
     *
     * @param userId the user's unique id, {@code AIDA...}
     * @param arn the user's ARN
     */
    public record UserSummary(String userId, String arn) {
    }
}
