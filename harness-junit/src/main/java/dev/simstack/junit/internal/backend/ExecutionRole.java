package dev.simstack.junit.internal.backend;

import software.amazon.awssdk.services.iam.IamClient;

/**
 * The execution role a remote backend's functions run with. On AWS the harness creates one per class, named and
 * tagged by the run, trusted by Lambda and with the basic execution policy (CloudWatch Logs), and deletes it after
 * the class; the emulators accept any role, so they get the conventional one of their fake account.
 */
final class ExecutionRole {

    /** The role emulators are given: LocalStack's and Floci's account, any role name. */
    static final String EMULATOR_ROLE = "arn:aws:iam::000000000000:role/lambda-role";

    static final String BASIC_EXECUTION = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

    private static final String TRUST_LAMBDA = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private ExecutionRole() {
    }

    /** The ARN of the role the class's functions run with, created (and registered for deletion) on AWS. */
    static String of(RemoteTarget target, RemoteResources resources) {
        if (!target.prefixed()) {
            return EMULATOR_ROLE;
        }
        // IAM is global; its client is built here rather than injected, since tests are not given one.
        IamClient iam = target.configure(IamClient.builder(), target.defaultRegion()).build();
        String name = target.name("lambda");
        try {
            String arn = iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(TRUST_LAMBDA)
                    .description("Runs the functions of a SimStack test class").tags(t -> t.key(RemoteStack.RUN_TAG)
                            .value(target.runId()))).role().arn();
            resources.created("role", name, "global", () -> delete(iam, name));
            iam.attachRolePolicy(b -> b.roleName(name).policyArn(BASIC_EXECUTION));
            return arn;
        } catch (RuntimeException e) {
            if (!resources.holds("role", name)) {
                iam.close();
            }
            throw e;
        }
    }

    /** IAM refuses to delete a role with attached policies: detached first. */
    private static void delete(IamClient iam, String name) {
        try {
            iam.listAttachedRolePolicies(b -> b.roleName(name)).attachedPolicies()
                    .forEach(policy -> iam.detachRolePolicy(b -> b.roleName(name).policyArn(policy.policyArn())));
            iam.deleteRole(b -> b.roleName(name));
        } finally {
            iam.close();
        }
    }
}
