package dev.simstack.core.iam;

import static dev.simstack.core.iam.IamTestSupport.READ_QUEUES;
import static dev.simstack.core.AwsErrorChecks.error;
import static dev.simstack.core.AwsErrorChecks.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetGroupResponse;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.User;

/** IAM groups through the SDK's IamClient: members, policies, and what must go before a group or user does. */
class IamGroupTest {

    private static final String BASIC = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

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

    @Test
    void create_group_answers_its_arn_and_id() {
        Group created = iam.createGroup(b -> b.groupName("admins").path("/ops/")).group();

        assertThat(created.arn()).isEqualTo("arn:aws:iam::000000000000:group/ops/admins");
        assertThat(created.groupId()).startsWith("AGPA").hasSize(21).matches("[A-Z0-9]+");
        assertThat(iam.listGroups(b -> b.pathPrefix("/ops/")).groups()).extracting(Group::groupName)
                .containsExactly("admins");
        var taken = error(() -> iam.createGroup(b -> b.groupName("Admins")), "EntityAlreadyExists", 409);
        assertThat(message(taken)).isEqualTo("Group with name Admins already exists.");
    }

    @Test
    void users_join_and_leave_groups() {
        iam.createGroup(b -> b.groupName("readers"));
        iam.createGroup(b -> b.groupName("writers"));
        iam.createUser(b -> b.userName("member"));

        iam.addUserToGroup(b -> b.groupName("writers").userName("member"));
        iam.addUserToGroup(b -> b.groupName("readers").userName("member"));

        GetGroupResponse readers = iam.getGroup(b -> b.groupName("readers"));
        assertThat(readers.group().groupName()).isEqualTo("readers");
        assertThat(readers.users()).extracting(User::userName).containsExactly("member");
        assertThat(iam.listGroupsForUser(b -> b.userName("member")).groups()).extracting(Group::groupName)
                .containsExactly("readers", "writers");
        iam.removeUserFromGroup(b -> b.groupName("writers").userName("member"));
        assertThat(iam.listGroupsForUser(b -> b.userName("member")).groups()).extracting(Group::groupName)
                .containsExactly("readers");
    }

    @Test
    void a_group_with_users_or_policies_and_a_user_in_a_group_cannot_be_deleted() {
        iam.createGroup(b -> b.groupName("busy"));
        iam.createUser(b -> b.userName("busy-user"));
        iam.addUserToGroup(b -> b.groupName("busy").userName("busy-user"));
        iam.attachGroupPolicy(b -> b.groupName("busy").policyArn(BASIC));
        iam.putGroupPolicy(b -> b.groupName("busy").policyName("read").policyDocument(READ_QUEUES));

        var users = error(() -> iam.deleteGroup(b -> b.groupName("busy")), "DeleteConflict", 409);
        var member = error(() -> iam.deleteUser(b -> b.userName("busy-user")), "DeleteConflict", 409);
        assertThat(message(users)).isEqualTo("Cannot delete entity, must remove users from group first.");
        assertThat(message(member)).isEqualTo("Cannot delete entity, must remove user from all groups first.");

        iam.removeUserFromGroup(b -> b.groupName("busy").userName("busy-user"));
        var attached = error(() -> iam.deleteGroup(b -> b.groupName("busy")), "DeleteConflict", 409);
        assertThat(message(attached)).isEqualTo("Cannot delete entity, must detach all policies first.");
        iam.detachGroupPolicy(b -> b.groupName("busy").policyArn(BASIC));
        var inline = error(() -> iam.deleteGroup(b -> b.groupName("busy")), "DeleteConflict", 409);
        assertThat(message(inline)).isEqualTo("Cannot delete entity, must delete policies first.");
        iam.deleteGroupPolicy(b -> b.groupName("busy").policyName("read"));
        iam.deleteGroup(b -> b.groupName("busy"));
        iam.deleteUser(b -> b.userName("busy-user"));

        var gone = error(() -> iam.getGroup(b -> b.groupName("busy")), "NoSuchEntity", 404);
        assertThat(message(gone)).isEqualTo("The group with name busy cannot be found.");
    }

    @Test
    void group_policies_are_listed_and_read() {
        iam.createGroup(b -> b.groupName("policied"));
        iam.attachGroupPolicy(b -> b.groupName("policied").policyArn(BASIC));
        iam.putGroupPolicy(b -> b.groupName("policied").policyName("read").policyDocument(READ_QUEUES));

        assertThat(iam.listAttachedGroupPolicies(b -> b.groupName("policied")).attachedPolicies())
                .extracting(AttachedPolicy::policyName).containsExactly("AWSLambdaBasicExecutionRole");
        assertThat(iam.listGroupPolicies(b -> b.groupName("policied")).policyNames()).containsExactly("read");
        assertThat(iam.getGroupPolicy(b -> b.groupName("policied").policyName("read")).groupName())
                .isEqualTo("policied");
        var missing = error(() -> iam.getGroupPolicy(b -> b.groupName("policied").policyName("none")),
                "NoSuchEntity", 404);
        assertThat(message(missing)).isEqualTo("The group policy with name none cannot be found.");
    }

    @Test
    void removing_a_user_who_is_not_a_member_is_no_such_entity() {
        iam.createGroup(b -> b.groupName("closed"));
        iam.createUser(b -> b.userName("outsider"));

        var failure = error(() -> iam.removeUserFromGroup(b -> b.groupName("closed").userName("outsider")),
                "NoSuchEntity", 404);

        assertThat(message(failure)).isEqualTo("The user with name outsider cannot be found in group closed.");
    }
}
