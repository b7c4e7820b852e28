package dev.simstack.core.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.DataDirectory;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * IAM's entities survive a restart from the same data directory: ids, ARNs, creation dates, tags, policies with
 * their version history, access keys with their secrets and status; STS still knows a user's key afterwards.
 */
class IamSnapshotTest {

    private static final String TRUST_LAMBDA = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String READ_QUEUES = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"sqs:ReceiveMessage\",\"Resource\":\"*\"}]}";
    private static final String WRITE_QUEUES = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"*\"}]}";

    @TempDir
    Path dir;

    private static IamClient iam(Stack stack) {
        return IamClient.builder().endpointOverride(stack.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    private static StsClient sts(Stack stack, String accessKeyId, String secret) {
        return StsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    /** Everything IAM answers about the account, to compare before and after a reload. */
    private record Account(List<Role> roles, List<Policy> policies, List<PolicyVersion> versions, String document,
            List<String> rolePolicies, String inline, List<User> users, List<AccessKeyMetadata> keys,
            List<Group> groups, List<User> groupUsers, List<InstanceProfile> profiles, List<Tag> roleTags) {

        static Account of(IamClient iam, String policyArn) {
            return new Account(iam.listRoles().roles(), iam.listPolicies(r -> r.scope("Local")).policies(),
                    iam.listPolicyVersions(r -> r.policyArn(policyArn)).versions(),
                    iam.getPolicyVersion(r -> r.policyArn(policyArn).versionId("v3")).policyVersion().document(),
                    iam.listAttachedRolePolicies(r -> r.roleName("fulfil")).attachedPolicies().stream()
                            .map(p -> p.policyArn()).toList(),
                    iam.getRolePolicy(r -> r.roleName("fulfil").policyName("logs")).policyDocument(),
                    iam.listUsers().users(), iam.listAccessKeys(r -> r.userName("deployer")).accessKeyMetadata(),
                    iam.listGroups().groups(), iam.getGroup(r -> r.groupName("deployers")).users(),
                    iam.listInstanceProfiles().instanceProfiles(),
                    iam.listRoleTags(r -> r.roleName("fulfil")).tags());
        }
    }

    @Test
    void a_restarted_stack_answers_every_iam_entity_as_before_and_sts_still_knows_the_users_keys() {
        DataDirectory data = DataDirectory.open(dir);
        Account before;
        String policyArn;
        String activeKey;
        String activeSecret;
        GetCallerIdentityResponse caller;
        try (Stack stack = data.start(StackConfig.defaults(), System.err::println); IamClient iam = iam(stack)) {
            iam.createRole(r -> r.roleName("fulfil").path("/service/").assumeRolePolicyDocument(TRUST_LAMBDA)
                    .description("runs the fulfilment function").maxSessionDuration(7200)
                    .tags(Tag.builder().key("team").value("orders").build()));
            policyArn = iam.createPolicy(r -> r.policyName("queues").policyDocument(READ_QUEUES)).policy().arn();
            iam.createPolicyVersion(r -> r.policyArn(policyArn).policyDocument(WRITE_QUEUES).setAsDefault(true));
            iam.createPolicyVersion(r -> r.policyArn(policyArn).policyDocument(READ_QUEUES));
            iam.deletePolicyVersion(r -> r.policyArn(policyArn).versionId("v1"));
            iam.attachRolePolicy(r -> r.roleName("fulfil").policyArn(policyArn));
            iam.attachRolePolicy(r -> r.roleName("fulfil")
                    .policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
            iam.putRolePolicy(r -> r.roleName("fulfil").policyName("logs").policyDocument(WRITE_QUEUES));
            iam.createUser(r -> r.userName("deployer"));
            iam.createGroup(r -> r.groupName("deployers"));
            iam.addUserToGroup(r -> r.groupName("deployers").userName("deployer"));
            var key = iam.createAccessKey(r -> r.userName("deployer")).accessKey();
            activeKey = key.accessKeyId();
            activeSecret = key.secretAccessKey();
            String retired = iam.createAccessKey(r -> r.userName("deployer")).accessKey().accessKeyId();
            iam.updateAccessKey(r -> r.userName("deployer").accessKeyId(retired).status("Inactive"));
            iam.createInstanceProfile(r -> r.instanceProfileName("fulfil-profile"));
            iam.addRoleToInstanceProfile(r -> r.instanceProfileName("fulfil-profile").roleName("fulfil"));
            try (StsClient sts = sts(stack, activeKey, activeSecret)) {
                caller = sts.getCallerIdentity();
            }
            before = Account.of(iam, policyArn);
            data.save(stack);
        }
        try (Stack stack = data.start(StackConfig.defaults(), System.err::println); IamClient iam = iam(stack)) {
            assertThat(Account.of(iam, policyArn)).isEqualTo(before);
            assertThat(data.loaded()).hasValueSatisfying(loaded -> assertThat(loaded.counts())
                    .contains("1 IAM roles", "1 IAM users", "1 IAM policies"));
            try (StsClient sts = sts(stack, activeKey, activeSecret)) {
                GetCallerIdentityResponse after = sts.getCallerIdentity();
                assertThat(List.of(after.userId(), after.account(), after.arn()))
                        .containsExactly(caller.userId(), caller.account(), caller.arn());
            }
            // Versions are numbered past every one made before the restart, deleted v1 included.
            assertThat(iam.createPolicyVersion(r -> r.policyArn(policyArn).policyDocument(READ_QUEUES))
                    .policyVersion().versionId()).isEqualTo("v4");
            assertThat(iam.getPolicy(r -> r.policyArn(policyArn)).policy().attachmentCount()).isEqualTo(1);
        }
    }
}
