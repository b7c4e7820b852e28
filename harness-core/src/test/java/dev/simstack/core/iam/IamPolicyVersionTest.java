package dev.simstack.core.iam;

import static dev.simstack.core.iam.IamTestSupport.READ_QUEUES;
import static dev.simstack.core.iam.IamTestSupport.TRUST_LAMBDA;
import static dev.simstack.core.AwsErrorChecks.error;
import static dev.simstack.core.AwsErrorChecks.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.PolicyGroup;
import software.amazon.awssdk.services.iam.model.PolicyRole;
import software.amazon.awssdk.services.iam.model.PolicyUser;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

/** Managed policy versions (five at most, one default) and the entities a policy is attached to. */
class IamPolicyVersionTest {

    private static final String WRITE_QUEUES = READ_QUEUES.replace("sqs:DeleteMessage", "sqs:SendMessage");

    private static Stack stack;
    private static IamClient iam;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(19).start();
        iam = IamTestSupport.iam(stack);
    }

    @AfterAll
    static void stop() {
        iam.close();
        stack.close();
    }

    private static String policy(String name) {
        return iam.createPolicy(b -> b.policyName(name).policyDocument(READ_QUEUES)).policy().arn();
    }

    @Test
    void a_new_default_version_is_the_one_in_force() {
        String arn = policy("versioned");

        PolicyVersion v2 = iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(WRITE_QUEUES)
                .setAsDefault(true)).policyVersion();

        assertThat(v2.versionId()).isEqualTo("v2");
        assertThat(v2.isDefaultVersion()).isTrue();
        assertThat(iam.getPolicy(b -> b.policyArn(arn)).policy().defaultVersionId()).isEqualTo("v2");
        assertThat(URLDecoder.decode(iam.getPolicyVersion(b -> b.policyArn(arn).versionId("v2")).policyVersion()
                .document(), StandardCharsets.UTF_8)).isEqualTo(WRITE_QUEUES);
        assertThat(iam.listPolicyVersions(b -> b.policyArn(arn)).versions())
                .extracting(PolicyVersion::versionId, PolicyVersion::isDefaultVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("v2", true),
                        org.assertj.core.groups.Tuple.tuple("v1", false));
    }

    @Test
    void a_sixth_version_exceeds_the_quota_of_five() {
        String arn = policy("five-versions");
        for (int i = 0; i < 4; i++) {
            iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(WRITE_QUEUES));
        }

        var failure = error(() -> iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(WRITE_QUEUES)),
                "LimitExceeded", 409);

        assertThat(message(failure)).isEqualTo("A managed policy can have up to 5 versions. Before you create a new"
                + " version, you must delete an existing version.");
    }

    @Test
    void the_default_version_cannot_be_deleted_and_others_go_before_the_policy() {
        String arn = policy("pruned");
        iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(WRITE_QUEUES));

        var isDefault = error(() -> iam.deletePolicyVersion(b -> b.policyArn(arn).versionId("v1")),
                "DeleteConflict", 409);
        var versions = error(() -> iam.deletePolicy(b -> b.policyArn(arn)), "DeleteConflict", 409);

        assertThat(message(isDefault)).isEqualTo("Cannot delete the default version of a policy.");
        assertThat(message(versions)).isEqualTo("This policy has more than one version. Before you delete a policy,"
                + " you must delete the policy's versions. The default version is deleted with the policy.");
        iam.deletePolicyVersion(b -> b.policyArn(arn).versionId("v2"));
        iam.deletePolicy(b -> b.policyArn(arn));
    }

    @Test
    void version_numbers_are_not_reused_after_a_delete() {
        String arn = policy("numbered");
        iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(WRITE_QUEUES));
        iam.deletePolicyVersion(b -> b.policyArn(arn).versionId("v2"));

        assertThat(iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(WRITE_QUEUES)).policyVersion()
                .versionId()).isEqualTo("v3");
    }

    @Test
    void set_default_to_an_unknown_version_is_no_such_entity() {
        String arn = policy("no-v9");

        var failure = error(() -> iam.setDefaultPolicyVersion(b -> b.policyArn(arn).versionId("v9")),
                "NoSuchEntity", 404);

        assertThat(message(failure)).isEqualTo("Policy " + arn + " version v9 does not exist or is not attachable.");
    }

    @Test
    void list_entities_for_policy_answers_its_roles_users_and_groups() {
        String arn = policy("shared");
        iam.createRole(b -> b.roleName("shared-role").assumeRolePolicyDocument(TRUST_LAMBDA));
        iam.createUser(b -> b.userName("shared-user"));
        iam.createGroup(b -> b.groupName("shared-group"));
        iam.attachRolePolicy(b -> b.roleName("shared-role").policyArn(arn));
        iam.attachUserPolicy(b -> b.userName("shared-user").policyArn(arn));
        iam.attachGroupPolicy(b -> b.groupName("shared-group").policyArn(arn));

        ListEntitiesForPolicyResponse all = iam.listEntitiesForPolicy(b -> b.policyArn(arn));
        assertThat(all.policyRoles()).extracting(PolicyRole::roleName).containsExactly("shared-role");
        assertThat(all.policyUsers()).extracting(PolicyUser::userName).containsExactly("shared-user");
        assertThat(all.policyGroups()).extracting(PolicyGroup::groupName).containsExactly("shared-group");
        assertThat(iam.getPolicy(b -> b.policyArn(arn)).policy().attachmentCount()).isEqualTo(3);

        ListEntitiesForPolicyResponse users = iam.listEntitiesForPolicy(b -> b.policyArn(arn)
                .entityFilter(EntityType.USER));
        assertThat(users.policyUsers()).hasSize(1);
        assertThat(users.policyRoles()).isEmpty();
        assertThat(users.policyGroups()).isEmpty();
    }
}
