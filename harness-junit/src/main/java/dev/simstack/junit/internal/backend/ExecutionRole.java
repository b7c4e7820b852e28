package dev.simstack.junit.internal.backend;

import java.util.function.BiConsumer;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The roles a remote backend's functions and API integrations run with. On AWS the harness creates each per class,
 * named and tagged by the run, trusted by the one service that assumes it, and deletes it after the class; the
 * emulators accept any role, so they get the conventional one of their fake account.
 */
final class ExecutionRole {

    /** The role emulators are given: LocalStack's and Floci's account, any role name. */
    static final String EMULATOR_ROLE = "arn:aws:iam::000000000000:role/lambda-role";

    static final String BASIC_EXECUTION = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"%s\"},\"Action\":\"sts:AssumeRole\"}]}";

    private ExecutionRole() {
    }

    /** The ARN of the role the class's functions run with: Lambda's basic execution (logs), created on AWS. */
    static String forFunctions(RemoteTarget target, RemoteResources resources) {
        if (!target.prefixed()) {
            return EMULATOR_ROLE;
        }
        return create(target, resources, "lambda", "lambda.amazonaws.com", (iam, name) -> iam.attachRolePolicy(b -> b
                .roleName(name).policyArn(BASIC_EXECUTION)));
    }

    /**
     * The ARN of the role API Gateway's integrations call Lambda and SQS with, on AWS: allowed to invoke the run's
     * functions and send to its queues (names carry the run's prefix); null on emulators, which need none.
     */
    static String forIntegrations(RemoteTarget target, RemoteResources resources) {
        if (!target.prefixed()) {
            return null;
        }
        String prefix = target.name("");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"lambda:InvokeFunction\",\"Resource\":\"arn:aws:lambda:*:*:function:" + prefix + "*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\",\"Resource\":\"arn:aws:sqs:*:*:" + prefix
                + "*\"}]}";
        return create(target, resources, "apigateway", "apigateway.amazonaws.com", (iam, name) -> iam.putRolePolicy(
                b -> b.roleName(name).policyName("integrations").policyDocument(policy)));
    }

    /** @param permissions grants the role what it is allowed, once it exists (given the client and its name) */
    private static String create(RemoteTarget target, RemoteResources resources, String suffix, String service,
            BiConsumer<IamClient, String> permissions) {
        // IAM is global; its client is built here rather than injected, since tests are not given one.
        IamClient iam = target.configure(IamClient.builder(), target.defaultRegion()).build();
        String name = target.name(suffix);
        try {
            String arn = iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(String.format(TRUST, service))
                    .description("Assumed by " + service + " for a SimStack test class")
                    .tags(t -> t.key(RemoteStack.RUN_TAG).value(target.runId()))).role().arn();
            resources.created("role", name, "global", () -> delete(iam, name));
            permissions.accept(iam, name);
            return arn;
        } catch (RuntimeException e) {
            if (!resources.holds("role", name)) {
                iam.close();
            }
            throw e;
        }
    }

    /** IAM refuses to delete a role with policies: inline ones deleted and managed ones detached first. */
    private static void delete(IamClient iam, String name) {
        try {
            iam.listRolePolicies(b -> b.roleName(name)).policyNames()
                    .forEach(policy -> iam.deleteRolePolicy(b -> b.roleName(name).policyName(policy)));
            iam.listAttachedRolePolicies(b -> b.roleName(name)).attachedPolicies()
                    .forEach(policy -> iam.detachRolePolicy(b -> b.roleName(name).policyArn(policy.policyArn())));
            iam.deleteRole(b -> b.roleName(name));
        } finally {
            iam.close();
        }
    }
}
