package dev.simstack.core.iam;

import static dev.simstack.core.iam.IamTestSupport.TRUST_LAMBDA;
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
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** STS through the SDK's StsClient (AWS Query): who is calling, and the session credentials it issues. */
class StsTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static Stack stack;
    private static StsClient sts;
    private static IamClient iam;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(19).withClock(ClockSpec.manual(START)).start();
        sts = IamTestSupport.sts(stack, "AKIDTEST");
        iam = IamTestSupport.iam(stack);
    }

    @AfterAll
    static void stop() {
        sts.close();
        iam.close();
        stack.close();
    }

    @Test
    void caller_identity_is_the_root_user_of_the_stacks_account() {
        GetCallerIdentityResponse caller = sts.getCallerIdentity();

        assertThat(caller.account()).isEqualTo("000000000000");
        assertThat(caller.userId()).isEqualTo("000000000000");
        assertThat(caller.arn()).isEqualTo("arn:aws:iam::000000000000:root");
    }

    @Test
    void a_twelve_digit_access_key_id_names_the_account() {
        try (StsClient other = IamTestSupport.sts(stack, "123456789012")) {
            GetCallerIdentityResponse caller = other.getCallerIdentity();

            assertThat(caller.account()).isEqualTo("123456789012");
            assertThat(caller.arn()).isEqualTo("arn:aws:iam::123456789012:root");
        }
    }

    @Test
    void assume_role_issues_session_credentials_expiring_on_the_stack_clock() {
        String roleId = iam.createRole(b -> b.roleName("sts-worker").path("/service-role/")
                .assumeRolePolicyDocument(TRUST_LAMBDA)).role().roleId();

        AssumeRoleResponse assumed = sts.assumeRole(b -> b.roleArn("arn:aws:iam::000000000000:role/service-role/sts-worker")
                .roleSessionName("deploy-1").durationSeconds(900));

        Credentials credentials = assumed.credentials();
        assertThat(credentials.accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(credentials.secretAccessKey()).hasSize(40);
        assertThat(credentials.sessionToken()).isNotEmpty();
        assertThat(credentials.expiration()).isEqualTo(stack.clock().now().plusSeconds(900)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(assumed.assumedRoleUser().assumedRoleId()).isEqualTo(roleId + ":deploy-1");
        assertThat(assumed.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::000000000000:assumed-role/sts-worker/deploy-1");
    }

    @Test
    void calls_signed_with_assumed_credentials_are_the_assumed_role() {
        Credentials credentials = sts.assumeRole(b -> b.roleArn("arn:aws:iam::000000000000:role/not-created")
                .roleSessionName("s1")).credentials();
        AwsSessionCredentials session = AwsSessionCredentials.create(credentials.accessKeyId(),
                credentials.secretAccessKey(), credentials.sessionToken());

        try (StsClient asRole = IamTestSupport.sts(stack, StaticCredentialsProvider.create(session))) {
            GetCallerIdentityResponse caller = asRole.getCallerIdentity();

            assertThat(caller.arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/not-created/s1");
            assertThat(caller.userId()).startsWith("AROA").endsWith(":s1");
            assertThat(caller.account()).isEqualTo("000000000000");
        }
    }

    @Test
    void session_token_lasts_twelve_hours_by_default() {
        Credentials credentials = sts.getSessionToken().credentials();

        assertThat(credentials.accessKeyId()).startsWith("ASIA");
        assertThat(Duration.between(stack.clock().now(), credentials.expiration()).toHours()).isEqualTo(12);
    }

    @Test
    void assume_role_refuses_bad_durations_and_session_names_with_validation_errors() {
        var error = error(() -> sts.assumeRole(b -> b.roleArn("arn:aws:iam::000000000000:role/x")
                .roleSessionName("a").durationSeconds(100)), "ValidationError", 400);
        assertThat(message(error)).isEqualTo("2 validation errors detected: Value 'a' at 'roleSessionName' failed to"
                + " satisfy constraint: Member must have length greater than or equal to 2; Value '100' at"
                + " 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal"
                + " to 900");

        error(() -> sts.assumeRole(b -> b.roleArn("arn:aws:iam::000000000000:role/x").roleSessionName("has space")),
                "ValidationError", 400);
        error(() -> sts.assumeRole(b -> b.roleArn("arn:aws:iam::000000000000:role/x").roleSessionName("ok")
                .durationSeconds(43201)), "ValidationError", 400);
        error(() -> sts.getSessionToken(b -> b.durationSeconds(129601)), "ValidationError", 400);
    }

    @Test
    void assume_role_refuses_what_is_not_a_role_arn() {
        var tooShort = error(() -> sts.assumeRole(b -> b.roleArn("worker").roleSessionName("s1")),
                "ValidationError", 400);
        assertThat(message(tooShort)).isEqualTo("1 validation error detected: Value 'worker' at 'roleArn' failed to"
                + " satisfy constraint: Member must have length greater than or equal to 20");

        var user = error(() -> sts.assumeRole(b -> b.roleArn("arn:aws:iam::000000000000:user/bob")
                .roleSessionName("s1")), "ValidationError", 400);
        assertThat(message(user)).isEqualTo("arn:aws:iam::000000000000:user/bob is invalid");
    }

    @Test
    void assume_role_holds_to_the_roles_max_session_duration() {
        iam.createRole(b -> b.roleName("sts-short").assumeRolePolicyDocument(TRUST_LAMBDA));

        var error = error(() -> sts.assumeRole(b -> b.roleArn("arn:aws:iam::000000000000:role/sts-short")
                .roleSessionName("s1").durationSeconds(7200)), "ValidationError", 400);

        assertThat(message(error))
                .isEqualTo("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    }
}
