package dev.simstack.core.iam;

import static dev.simstack.core.AwsErrorChecks.error;
import static dev.simstack.core.AwsErrorChecks.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Access keys of IAM users: two at most, listed without secrets, and the user STS answers for them. */
class IamAccessKeyTest {

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
    void create_access_key_answers_an_akia_id_of_20_and_a_secret_of_40_characters() {
        iam.createUser(b -> b.userName("keyed"));

        AccessKey key = iam.createAccessKey(b -> b.userName("keyed")).accessKey();

        assertThat(key.accessKeyId()).startsWith("AKIA").hasSize(20).matches("[A-Z0-9]+");
        assertThat(key.secretAccessKey()).hasSize(40);
        assertThat(key.status()).isEqualTo(StatusType.ACTIVE);
        assertThat(key.userName()).isEqualTo("keyed");
        assertThat(iam.listAccessKeys(b -> b.userName("keyed")).accessKeyMetadata())
                .extracting(AccessKeyMetadata::accessKeyId).containsExactly(key.accessKeyId());
    }

    @Test
    void a_third_access_key_exceeds_the_quota_of_two() {
        iam.createUser(b -> b.userName("rotating"));
        iam.createAccessKey(b -> b.userName("rotating"));
        iam.createAccessKey(b -> b.userName("rotating"));

        var failure = error(() -> iam.createAccessKey(b -> b.userName("rotating")), "LimitExceeded", 409);

        assertThat(message(failure)).isEqualTo("Cannot exceed quota for AccessKeysPerUser: 2");
    }

    @Test
    void a_key_is_deactivated_deleted_and_then_no_such_entity() {
        iam.createUser(b -> b.userName("leaving"));
        String id = iam.createAccessKey(b -> b.userName("leaving")).accessKey().accessKeyId();

        iam.updateAccessKey(b -> b.userName("leaving").accessKeyId(id).status(StatusType.INACTIVE));
        assertThat(iam.listAccessKeys(b -> b.userName("leaving")).accessKeyMetadata())
                .extracting(AccessKeyMetadata::status).containsExactly(StatusType.INACTIVE);
        var conflict = error(() -> iam.deleteUser(b -> b.userName("leaving")), "DeleteConflict", 409);
        assertThat(message(conflict)).isEqualTo("Cannot delete entity, must delete access keys first.");
        iam.deleteAccessKey(b -> b.userName("leaving").accessKeyId(id));

        var missing = error(() -> iam.deleteAccessKey(b -> b.userName("leaving").accessKeyId(id)), "NoSuchEntity", 404);
        assertThat(message(missing)).isEqualTo("The Access Key with id " + id + " cannot be found.");
        iam.deleteUser(b -> b.userName("leaving"));
    }

    @Test
    void get_caller_identity_with_a_users_key_answers_the_user() {
        String userId = iam.createUser(b -> b.userName("deployer").path("/ci/")).user().userId();
        AccessKey key = iam.createAccessKey(b -> b.userName("deployer")).accessKey();

        try (StsClient sts = IamTestSupport.sts(stack, StaticCredentialsProvider.create(
                AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))) {
            GetCallerIdentityResponse caller = sts.getCallerIdentity();

            assertThat(caller.arn()).isEqualTo("arn:aws:iam::000000000000:user/ci/deployer");
            assertThat(caller.userId()).isEqualTo(userId);
            assertThat(caller.account()).isEqualTo("000000000000");
        }
    }

    @Test
    void a_twelve_digit_key_still_names_its_account_root() {
        try (StsClient sts = IamTestSupport.sts(stack, "111122223333")) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::111122223333:root");
        }
    }

    @Test
    void calls_without_a_user_name_act_on_the_user_whose_key_signs_them() {
        iam.createUser(b -> b.userName("self"));
        AccessKey key = iam.createAccessKey(b -> b.userName("self")).accessKey();

        try (IamClient own = IamClient.builder().endpointOverride(stack.endpoint())
                .region(software.amazon.awssdk.regions.Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))).build()) {
            assertThat(own.getUser().user().userName()).isEqualTo("self");
            assertThat(own.listAccessKeys().accessKeyMetadata()).extracting(AccessKeyMetadata::accessKeyId)
                    .containsExactly(key.accessKeyId());
        }
    }

    @Test
    void last_used_is_na_until_the_key_signs_a_call() {
        iam.createUser(b -> b.userName("watched"));
        AccessKey key = iam.createAccessKey(b -> b.userName("watched")).accessKey();
        AccessKeyLastUsed never = iam.getAccessKeyLastUsed(b -> b.accessKeyId(key.accessKeyId())).accessKeyLastUsed();
        assertThat(never.serviceName()).isEqualTo("N/A");
        assertThat(never.region()).isEqualTo("N/A");
        assertThat(never.lastUsedDate()).isNull();

        stack.clock().advance(Duration.ofMinutes(5));
        try (StsClient sts = IamTestSupport.sts(stack, StaticCredentialsProvider.create(
                AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))) {
            sts.getCallerIdentity();
        }

        AccessKeyLastUsed used = iam.getAccessKeyLastUsed(b -> b.accessKeyId(key.accessKeyId())).accessKeyLastUsed();
        assertThat(used.serviceName()).isEqualTo("sts");
        assertThat(used.region()).isEqualTo("us-east-1");
        assertThat(used.lastUsedDate()).isEqualTo(stack.clock().now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
