package dev.simstack.core.iam;

import static dev.simstack.core.iam.IamTestSupport.TRUST_LAMBDA;
import static dev.simstack.core.AwsErrorChecks.error;
import static dev.simstack.core.AwsErrorChecks.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.Tag;

/** Instance profiles through the SDK's IamClient: one role each, listed for their role, deleted empty. */
class IamInstanceProfileTest {

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
    void create_instance_profile_answers_its_arn_id_and_no_roles() {
        InstanceProfile created = iam.createInstanceProfile(b -> b.instanceProfileName("web").path("/ec2/")
                .tags(Tag.builder().key("team").value("web").build())).instanceProfile();

        assertThat(created.arn()).isEqualTo("arn:aws:iam::000000000000:instance-profile/ec2/web");
        assertThat(created.instanceProfileId()).startsWith("AIPA").hasSize(21).matches("[A-Z0-9]+");
        assertThat(created.createDate()).isEqualTo(START);
        assertThat(created.roles()).isEmpty();
        InstanceProfile read = iam.getInstanceProfile(b -> b.instanceProfileName("WEB")).instanceProfile();
        assertThat(read.instanceProfileId()).isEqualTo(created.instanceProfileId());
        assertThat(read.tags()).containsExactly(Tag.builder().key("team").value("web").build());
        assertThat(iam.listInstanceProfiles(b -> b.pathPrefix("/ec2/")).instanceProfiles())
                .extracting(InstanceProfile::instanceProfileName).containsExactly("web");
    }

    @Test
    void a_profile_holds_its_role_and_is_listed_for_it() {
        iam.createRole(b -> b.roleName("app-role").assumeRolePolicyDocument(TRUST_LAMBDA));
        iam.createInstanceProfile(b -> b.instanceProfileName("app-profile"));

        iam.addRoleToInstanceProfile(b -> b.instanceProfileName("app-profile").roleName("app-role"));

        assertThat(iam.getInstanceProfile(b -> b.instanceProfileName("app-profile")).instanceProfile().roles())
                .singleElement().satisfies(role -> assertThat(role.arn())
                        .isEqualTo("arn:aws:iam::000000000000:role/app-role"));
        assertThat(iam.listInstanceProfilesForRole(b -> b.roleName("app-role")).instanceProfiles())
                .extracting(InstanceProfile::instanceProfileName).containsExactly("app-profile");
    }

    @Test
    void a_second_role_in_a_profile_exceeds_its_quota_of_one() {
        iam.createRole(b -> b.roleName("first-role").assumeRolePolicyDocument(TRUST_LAMBDA));
        iam.createRole(b -> b.roleName("second-role").assumeRolePolicyDocument(TRUST_LAMBDA));
        iam.createInstanceProfile(b -> b.instanceProfileName("one-role"));
        iam.addRoleToInstanceProfile(b -> b.instanceProfileName("one-role").roleName("first-role"));

        var failure = error(() -> iam.addRoleToInstanceProfile(b -> b.instanceProfileName("one-role")
                .roleName("second-role")), "LimitExceeded", 409);

        assertThat(message(failure)).isEqualTo("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
    }

    @Test
    void a_role_in_a_profile_and_a_profile_with_a_role_cannot_be_deleted() {
        iam.createRole(b -> b.roleName("held-role").assumeRolePolicyDocument(TRUST_LAMBDA));
        iam.createInstanceProfile(b -> b.instanceProfileName("holder"));
        iam.addRoleToInstanceProfile(b -> b.instanceProfileName("holder").roleName("held-role"));

        var role = error(() -> iam.deleteRole(b -> b.roleName("held-role")), "DeleteConflict", 409);
        var profile = error(() -> iam.deleteInstanceProfile(b -> b.instanceProfileName("holder")),
                "DeleteConflict", 409);

        assertThat(message(role)).isEqualTo("Cannot delete entity, must remove roles from instance profile first.");
        assertThat(message(profile)).isEqualTo("Cannot delete entity, must remove roles from instance profile first.");
        iam.removeRoleFromInstanceProfile(b -> b.instanceProfileName("holder").roleName("held-role"));
        iam.deleteInstanceProfile(b -> b.instanceProfileName("holder"));
        iam.deleteRole(b -> b.roleName("held-role"));
        var gone = error(() -> iam.getInstanceProfile(b -> b.instanceProfileName("holder")), "NoSuchEntity", 404);
        assertThat(message(gone)).isEqualTo("Instance Profile holder cannot be found.");
    }

    @Test
    void instance_profile_names_are_unique_whatever_their_case() {
        iam.createInstanceProfile(b -> b.instanceProfileName("Taken"));

        var failure = error(() -> iam.createInstanceProfile(b -> b.instanceProfileName("taken")),
                "EntityAlreadyExists", 409);

        assertThat(message(failure)).isEqualTo("Instance Profile taken already exists.");
    }

    @Test
    void removing_a_role_the_profile_does_not_hold_is_no_such_entity() {
        iam.createRole(b -> b.roleName("loose-role").assumeRolePolicyDocument(TRUST_LAMBDA));
        iam.createInstanceProfile(b -> b.instanceProfileName("empty"));

        var failure = error(() -> iam.removeRoleFromInstanceProfile(b -> b.instanceProfileName("empty")
                .roleName("loose-role")), "NoSuchEntity", 404);

        assertThat(message(failure))
                .isEqualTo("The role with name loose-role cannot be found in instance profile empty.");
    }

    @Test
    void instance_profile_tags_are_added_listed_and_removed() {
        iam.createInstanceProfile(b -> b.instanceProfileName("tagged"));

        iam.tagInstanceProfile(b -> b.instanceProfileName("tagged").tags(Tag.builder().key("env").value("ci").build()));
        assertThat(iam.listInstanceProfileTags(b -> b.instanceProfileName("tagged")).tags())
                .containsExactly(Tag.builder().key("env").value("ci").build());
        iam.untagInstanceProfile(b -> b.instanceProfileName("tagged").tagKeys("env"));

        assertThat(iam.listInstanceProfileTags(b -> b.instanceProfileName("tagged")).tags()).isEmpty();
    }
}
