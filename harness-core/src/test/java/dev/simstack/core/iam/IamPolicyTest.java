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
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;

/** Managed and inline policies of roles through the SDK's IamClient, as Terraform's aws_iam_* resources use them. */
class IamPolicyTest {

    private static final String BASIC_EXECUTION = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

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

    private static void role(String name) {
        iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(TRUST_LAMBDA));
    }

    @Test
    void create_policy_answers_its_arn_and_first_version() {
        Policy policy = iam.createPolicy(b -> b.policyName("read-queues").path("/app/").policyDocument(READ_QUEUES)
                .description("lets workers read")).policy();

        assertThat(policy.arn()).isEqualTo("arn:aws:iam::000000000000:policy/app/read-queues");
        assertThat(policy.policyId()).startsWith("ANPA").hasSize(21);
        assertThat(policy.defaultVersionId()).isEqualTo("v1");
        assertThat(iam.getPolicy(b -> b.policyArn(policy.arn())).policy().description()).isEqualTo("lets workers read");
        String document = iam.getPolicyVersion(b -> b.policyArn(policy.arn()).versionId("v1")).policyVersion().document();
        assertThat(URLDecoder.decode(document, StandardCharsets.UTF_8)).isEqualTo(READ_QUEUES);
        error(() -> iam.getPolicyVersion(b -> b.policyArn(policy.arn()).versionId("v2")), "NoSuchEntity", 404);
        assertThat(iam.listPolicies(b -> b.scope(PolicyScopeType.LOCAL).pathPrefix("/app/")).policies())
                .extracting(Policy::policyName).containsExactly("read-queues");
    }

    @Test
    void identity_policies_name_resources_and_no_principal() {
        var principal = error(() -> iam.createPolicy(b -> b.policyName("p1").policyDocument(TRUST_LAMBDA)),
                "MalformedPolicyDocument", 400);
        assertThat(message(principal)).isEqualTo("Policy document should not specify a principal.");
        var noResource = error(() -> iam.createPolicy(b -> b.policyName("p2").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}}")),
                "MalformedPolicyDocument", 400);
        assertThat(message(noResource)).isEqualTo("Policy statement must contain resources.");
    }

    @Test
    void policy_names_are_unique_and_missing_policies_are_no_such_entity() {
        iam.createPolicy(b -> b.policyName("once").policyDocument(READ_QUEUES));

        var duplicate = error(() -> iam.createPolicy(b -> b.policyName("once").path("/other/")
                .policyDocument(READ_QUEUES)), "EntityAlreadyExists", 409);
        assertThat(message(duplicate)).isEqualTo("A policy called once already exists. Duplicate names are not allowed.");
        var missing = error(() -> iam.getPolicy(b -> b.policyArn("arn:aws:iam::000000000000:policy/never")),
                "NoSuchEntity", 404);
        assertThat(message(missing)).isEqualTo("Policy arn:aws:iam::000000000000:policy/never was not found.");
    }

    @Test
    void attached_policies_are_listed_and_block_deleting_the_role_and_the_policy() {
        role("attached-role");
        String arn = iam.createPolicy(b -> b.policyName("attached-policy").policyDocument(READ_QUEUES)).policy().arn();

        iam.attachRolePolicy(b -> b.roleName("attached-role").policyArn(arn));
        iam.attachRolePolicy(b -> b.roleName("attached-role").policyArn(BASIC_EXECUTION));

        assertThat(iam.listAttachedRolePolicies(b -> b.roleName("attached-role")).attachedPolicies()).containsExactly(
                AttachedPolicy.builder().policyName("attached-policy").policyArn(arn).build(),
                AttachedPolicy.builder().policyName("AWSLambdaBasicExecutionRole").policyArn(BASIC_EXECUTION).build());
        assertThat(iam.getPolicy(b -> b.policyArn(arn)).policy().attachmentCount()).isEqualTo(1);
        var roleInUse = error(() -> iam.deleteRole(b -> b.roleName("attached-role")), "DeleteConflict", 409);
        assertThat(message(roleInUse)).isEqualTo("Cannot delete entity, must detach all policies first.");
        var policyInUse = error(() -> iam.deletePolicy(b -> b.policyArn(arn)), "DeleteConflict", 409);
        assertThat(message(policyInUse)).isEqualTo("Cannot delete a policy attached to entities.");

        iam.detachRolePolicy(b -> b.roleName("attached-role").policyArn(arn));
        iam.detachRolePolicy(b -> b.roleName("attached-role").policyArn(BASIC_EXECUTION));
        iam.deletePolicy(b -> b.policyArn(arn));
        iam.deleteRole(b -> b.roleName("attached-role"));
        error(() -> iam.getRole(b -> b.roleName("attached-role")), "NoSuchEntity", 404);
    }

    @Test
    void attaching_what_does_not_exist_or_too_much_is_refused() {
        role("limited-role");
        var missing = error(() -> iam.attachRolePolicy(b -> b.roleName("limited-role")
                .policyArn("arn:aws:iam::000000000000:policy/ghost")), "NoSuchEntity", 404);
        assertThat(message(missing))
                .isEqualTo("Policy arn:aws:iam::000000000000:policy/ghost does not exist or is not attachable.");
        error(() -> iam.attachRolePolicy(b -> b.roleName("limited-role").policyArn("not-an-arn-at-all-really")),
                "InvalidInput", 400);
        error(() -> iam.detachRolePolicy(b -> b.roleName("limited-role").policyArn(BASIC_EXECUTION)),
                "NoSuchEntity", 404);
        for (int i = 0; i < 10; i++) {
            String arn = "arn:aws:iam::aws:policy/Managed" + i;
            iam.attachRolePolicy(b -> b.roleName("limited-role").policyArn(arn));
        }
        var tooMany = error(() -> iam.attachRolePolicy(b -> b.roleName("limited-role").policyArn(BASIC_EXECUTION)),
                "LimitExceeded", 409);
        assertThat(message(tooMany)).isEqualTo("Cannot exceed quota for PoliciesPerRole: 10");
    }

    @Test
    void inline_policies_are_put_read_listed_and_deleted() {
        role("inline-role");

        iam.putRolePolicy(b -> b.roleName("inline-role").policyName("read").policyDocument(READ_QUEUES));

        assertThat(iam.listRolePolicies(b -> b.roleName("inline-role")).policyNames()).containsExactly("read");
        assertThat(URLDecoder.decode(iam.getRolePolicy(b -> b.roleName("inline-role").policyName("read"))
                .policyDocument(), StandardCharsets.UTF_8)).isEqualTo(READ_QUEUES);
        var inUse = error(() -> iam.deleteRole(b -> b.roleName("inline-role")), "DeleteConflict", 409);
        assertThat(message(inUse)).isEqualTo("Cannot delete entity, must delete policies first.");

        iam.deleteRolePolicy(b -> b.roleName("inline-role").policyName("read"));

        var gone = error(() -> iam.getRolePolicy(b -> b.roleName("inline-role").policyName("read")),
                "NoSuchEntity", 404);
        assertThat(message(gone)).isEqualTo("The role policy with name read cannot be found.");
        error(() -> iam.putRolePolicy(b -> b.roleName("inline-role").policyName("bad").policyDocument("{}")),
                "MalformedPolicyDocument", 400);
        iam.deleteRole(b -> b.roleName("inline-role"));
    }
}
