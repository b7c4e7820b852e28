package dev.simstack.core.iam;

import static dev.simstack.core.iam.IamTestSupport.READ_QUEUES;
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
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

/** IAM users through the SDK's IamClient: created, read, renamed, listed, tagged, given policies, deleted. */
class IamUserTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String BASIC = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

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
    void create_user_answers_its_arn_and_id() {
        User created = iam.createUser(b -> b.userName("alice").path("/staff/")
                .tags(Tag.builder().key("team").value("orders").build())).user();

        assertThat(created.arn()).isEqualTo("arn:aws:iam::000000000000:user/staff/alice");
        assertThat(created.userId()).startsWith("AIDA").hasSize(21).matches("[A-Z0-9]+");
        assertThat(created.createDate()).isEqualTo(START);
        User read = iam.getUser(b -> b.userName("ALICE")).user();
        assertThat(read.userId()).isEqualTo(created.userId());
        assertThat(read.tags()).containsExactly(Tag.builder().key("team").value("orders").build());
        assertThat(iam.listUsers(b -> b.pathPrefix("/staff/")).users()).extracting(User::userName)
                .containsExactly("alice");
    }

    @Test
    void user_names_are_unique_and_an_unknown_user_is_no_such_entity() {
        iam.createUser(b -> b.userName("bob"));

        var taken = error(() -> iam.createUser(b -> b.userName("BOB")), "EntityAlreadyExists", 409);
        var missing = error(() -> iam.getUser(b -> b.userName("nobody")), "NoSuchEntity", 404);

        assertThat(message(taken)).isEqualTo("User with name BOB already exists.");
        assertThat(message(missing)).isEqualTo("The user with name nobody cannot be found.");
    }

    @Test
    void update_user_renames_and_moves_the_user() {
        iam.createUser(b -> b.userName("carol"));

        iam.updateUser(b -> b.userName("carol").newUserName("caroline").newPath("/moved/"));

        assertThat(iam.getUser(b -> b.userName("caroline")).user().arn())
                .isEqualTo("arn:aws:iam::000000000000:user/moved/caroline");
        error(() -> iam.getUser(b -> b.userName("carol")), "NoSuchEntity", 404);
    }

    @Test
    void a_user_name_longer_than_64_characters_is_a_validation_error() {
        String name = "u".repeat(65);

        var failure = error(() -> iam.createUser(b -> b.userName(name)), "ValidationError", 400);

        assertThat(message(failure)).isEqualTo("1 validation error detected: Value '" + name
                + "' at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64");
    }

    @Test
    void user_policies_inline_and_attached_are_kept_and_block_deletion() {
        iam.createUser(b -> b.userName("dave"));
        iam.putUserPolicy(b -> b.userName("dave").policyName("read").policyDocument(READ_QUEUES));
        iam.attachUserPolicy(b -> b.userName("dave").policyArn(BASIC));

        assertThat(iam.listUserPolicies(b -> b.userName("dave")).policyNames()).containsExactly("read");
        assertThat(URLDecoder.decode(iam.getUserPolicy(b -> b.userName("dave").policyName("read")).policyDocument(),
                StandardCharsets.UTF_8)).isEqualTo(READ_QUEUES);
        assertThat(iam.listAttachedUserPolicies(b -> b.userName("dave")).attachedPolicies())
                .extracting(AttachedPolicy::policyArn).containsExactly(BASIC);
        var attached = error(() -> iam.deleteUser(b -> b.userName("dave")), "DeleteConflict", 409);
        assertThat(message(attached)).isEqualTo("Cannot delete entity, must detach all policies first.");

        iam.detachUserPolicy(b -> b.userName("dave").policyArn(BASIC));
        var inline = error(() -> iam.deleteUser(b -> b.userName("dave")), "DeleteConflict", 409);
        assertThat(message(inline)).isEqualTo("Cannot delete entity, must delete policies first.");
        iam.deleteUserPolicy(b -> b.userName("dave").policyName("read"));
        iam.deleteUser(b -> b.userName("dave"));
        error(() -> iam.getUser(b -> b.userName("dave")), "NoSuchEntity", 404);
    }

    @Test
    void an_unknown_user_policy_is_no_such_entity() {
        iam.createUser(b -> b.userName("erin"));

        var failure = error(() -> iam.getUserPolicy(b -> b.userName("erin").policyName("none")), "NoSuchEntity", 404);

        assertThat(message(failure)).isEqualTo("The user policy with name none cannot be found.");
    }

    @Test
    void a_users_inline_policies_together_are_at_most_2048_characters() {
        iam.createUser(b -> b.userName("frank"));
        String big = READ_QUEUES.replace("\"*\"", "\"arn:aws:sqs:us-east-1:000000000000:" + "q".repeat(2000) + "\"");

        var failure = error(() -> iam.putUserPolicy(b -> b.userName("frank").policyName("big").policyDocument(big)),
                "LimitExceeded", 409);

        assertThat(message(failure)).isEqualTo("Maximum policy size of 2048 bytes exceeded for user frank");
    }

    @Test
    void user_tags_are_added_listed_and_removed() {
        iam.createUser(b -> b.userName("grace"));

        iam.tagUser(b -> b.userName("grace").tags(Tag.builder().key("env").value("ci").build()));
        assertThat(iam.listUserTags(b -> b.userName("grace")).tags())
                .containsExactly(Tag.builder().key("env").value("ci").build());
        iam.untagUser(b -> b.userName("grace").tagKeys("env"));

        assertThat(iam.listUserTags(b -> b.userName("grace")).tags()).isEmpty();
    }
}
