package dev.simstack.core.iam;

import static dev.simstack.core.iam.IamTestSupport.READ_QUEUES;
import static dev.simstack.core.iam.IamTestSupport.TRUST_LAMBDA;
import static dev.simstack.core.AwsErrorChecks.error;
import static dev.simstack.core.AwsErrorChecks.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** IAM roles through the SDK's IamClient (AWS Query): created, read, listed, changed and deleted. */
class IamRoleTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static Stack stack;
    private static IamClient iam;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(19).withClock(ClockSpec.manual(START)).start();
        iam = IamTestSupport.iam(stack);
    }

    @AfterAll
    static void stop() {
        iam.close();
        stack.close();
    }

    @Test
    void create_role_answers_its_arn_id_and_trust_policy() {
        Role created = iam.createRole(b -> b.roleName("worker").path("/service-role/")
                .assumeRolePolicyDocument(TRUST_LAMBDA).description("runs the worker")
                .tags(Tag.builder().key("team").value("orders").build())).role();

        assertThat(created.arn()).isEqualTo("arn:aws:iam::000000000000:role/service-role/worker");
        assertThat(created.roleId()).startsWith("AROA").hasSize(21).matches("[A-Z0-9]+");
        assertThat(created.path()).isEqualTo("/service-role/");
        assertThat(created.createDate()).isEqualTo(START);
        assertThat(created.maxSessionDuration()).isEqualTo(3600);
        // IAM answers documents URL-encoded, as AWS does; deployment tools decode them.
        assertThat(URLDecoder.decode(created.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
                .isEqualTo(TRUST_LAMBDA);

        Role read = iam.getRole(b -> b.roleName("worker")).role();
        assertThat(read.roleId()).isEqualTo(created.roleId());
        assertThat(read.description()).isEqualTo("runs the worker");
        assertThat(read.tags()).containsExactly(Tag.builder().key("team").value("orders").build());
    }

    @Test
    void role_ids_come_from_the_stacks_seed() {
        String first;
        String second;
        try (Stack one = StackConfig.defaults().withSeed(7).start(); IamClient client = IamTestSupport.iam(one)) {
            first = client.createRole(b -> b.roleName("seeded").assumeRolePolicyDocument(TRUST_LAMBDA)).role().roleId();
        }
        try (Stack two = StackConfig.defaults().withSeed(7).start(); IamClient client = IamTestSupport.iam(two)) {
            second = client.createRole(b -> b.roleName("seeded").assumeRolePolicyDocument(TRUST_LAMBDA)).role().roleId();
        }
        assertThat(second).isEqualTo(first);
    }

    @Test
    void role_names_are_unique_whatever_their_case() {
        iam.createRole(b -> b.roleName("unique-role").assumeRolePolicyDocument(TRUST_LAMBDA));

        var error = error(() -> iam.createRole(b -> b.roleName("Unique-Role").assumeRolePolicyDocument(TRUST_LAMBDA)),
                "EntityAlreadyExists", 409);
        assertThat(message(error)).isEqualTo("Role with name Unique-Role already exists.");
    }

    @Test
    void a_missing_role_is_no_such_entity() {
        var error = error(() -> iam.getRole(b -> b.roleName("nobody")), "NoSuchEntity", 404);
        assertThat(message(error)).isEqualTo("The role with name nobody cannot be found.");
        error(() -> iam.deleteRole(b -> b.roleName("nobody")), "NoSuchEntity", 404);
    }

    @Test
    void names_paths_and_session_limits_are_validated() {
        var badName = error(() -> iam.createRole(b -> b.roleName("bad name").assumeRolePolicyDocument(TRUST_LAMBDA)),
                "ValidationError", 400);
        assertThat(message(badName)).isEqualTo("1 validation error detected: Value 'bad name' at 'roleName' failed"
                + " to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        error(() -> iam.createRole(b -> b.roleName("r".repeat(65)).assumeRolePolicyDocument(TRUST_LAMBDA)),
                "ValidationError", 400);
        error(() -> iam.createRole(b -> b.roleName("pathless").path("no-slashes").assumeRolePolicyDocument(TRUST_LAMBDA)),
                "ValidationError", 400);
        error(() -> iam.createRole(b -> b.roleName("long-session").maxSessionDuration(43201)
                .assumeRolePolicyDocument(TRUST_LAMBDA)), "ValidationError", 400);
    }

    @Test
    void trust_policies_must_be_policies_with_principals() {
        var notJson = error(() -> iam.createRole(b -> b.roleName("t1").assumeRolePolicyDocument("{not json")),
                "MalformedPolicyDocument", 400);
        assertThat(message(notJson)).isEqualTo("Syntax errors in policy.");
        var noPrincipal = error(() -> iam.createRole(b -> b.roleName("t2").assumeRolePolicyDocument(READ_QUEUES)),
                "MalformedPolicyDocument", 400);
        assertThat(message(noPrincipal)).isEqualTo("Missing required field Principal");
        var noEffect = error(() -> iam.createRole(b -> b.roleName("t3").assumeRolePolicyDocument(
                "{\"Statement\":[{\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\"}]}")), "MalformedPolicyDocument", 400);
        assertThat(message(noEffect)).isEqualTo("Missing required field Effect");
        var tooBig = error(() -> iam.createRole(b -> b.roleName("t4").assumeRolePolicyDocument(TRUST_LAMBDA
                .replace("sts:AssumeRole", "sts:AssumeRole" + "x".repeat(2048)))), "LimitExceeded", 409);
        assertThat(message(tooBig)).isEqualTo("Cannot exceed quota for ACLSizePerRole: 2048");
    }

    @Test
    void update_assume_role_policy_replaces_the_trust_policy() {
        iam.createRole(b -> b.roleName("retrusted").assumeRolePolicyDocument(TRUST_LAMBDA));
        String trustEcs = TRUST_LAMBDA.replace("lambda.amazonaws.com", "ecs-tasks.amazonaws.com");

        iam.updateAssumeRolePolicy(b -> b.roleName("retrusted").policyDocument(trustEcs));

        assertThat(URLDecoder.decode(iam.getRole(b -> b.roleName("retrusted")).role().assumeRolePolicyDocument(),
                StandardCharsets.UTF_8)).isEqualTo(trustEcs);
        error(() -> iam.updateAssumeRolePolicy(b -> b.roleName("retrusted").policyDocument("[]")),
                "MalformedPolicyDocument", 400);
    }

    @Test
    void roles_are_listed_by_path_prefix_a_page_at_a_time() {
        for (String name : new String[] {"list-a", "list-b", "list-c"}) {
            iam.createRole(b -> b.roleName(name).path("/listed/").assumeRolePolicyDocument(TRUST_LAMBDA));
        }

        ListRolesResponse first = iam.listRoles(b -> b.pathPrefix("/listed/").maxItems(2));
        assertThat(first.roles()).extracting(Role::roleName).containsExactly("list-a", "list-b");
        assertThat(first.isTruncated()).isTrue();
        ListRolesResponse second = iam.listRoles(b -> b.pathPrefix("/listed/").marker(first.marker()));
        assertThat(second.roles()).extracting(Role::roleName).containsExactly("list-c");
        assertThat(second.isTruncated()).isFalse();
    }

    @Test
    void tags_are_added_listed_and_removed() {
        iam.createRole(b -> b.roleName("tagged").assumeRolePolicyDocument(TRUST_LAMBDA));

        iam.tagRole(b -> b.roleName("tagged").tags(Tag.builder().key("env").value("test").build(),
                Tag.builder().key("team").value("core").build()));
        iam.untagRole(b -> b.roleName("tagged").tagKeys("team"));

        assertThat(iam.listRoleTags(b -> b.roleName("tagged")).tags())
                .containsExactly(Tag.builder().key("env").value("test").build());
    }

    @Test
    void update_role_changes_description_and_max_session_duration() {
        iam.createRole(b -> b.roleName("updated").assumeRolePolicyDocument(TRUST_LAMBDA));

        iam.updateRole(b -> b.roleName("updated").description("now described").maxSessionDuration(7200));

        Role role = iam.getRole(b -> b.roleName("updated")).role();
        assertThat(role.description()).isEqualTo("now described");
        assertThat(role.maxSessionDuration()).isEqualTo(7200);
    }

    @Test
    void a_role_has_no_instance_profiles() {
        iam.createRole(b -> b.roleName("profiled").assumeRolePolicyDocument(TRUST_LAMBDA));

        assertThat(iam.listInstanceProfilesForRole(b -> b.roleName("profiled")).instanceProfiles()).isEmpty();
    }

    @Test
    void iam_is_global_one_store_whatever_the_signing_region() {
        iam.createRole(b -> b.roleName("global").assumeRolePolicyDocument(TRUST_LAMBDA));
        try (IamClient elsewhere = IamClient.builder().endpointOverride(stack.endpoint())
                .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder()).build()) {
            assertThat(elsewhere.getRole(b -> b.roleName("global")).role().arn())
                    .isEqualTo("arn:aws:iam::000000000000:role/global");
        }
    }
}
