package dev.simstack.core.lambda;

import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The test credentials, for tests in other packages. */
public final class LambdaTestSupportAccess {

    public static final StaticCredentialsProvider CREDENTIALS = LambdaTestSupport.CREDENTIALS;

    private LambdaTestSupportAccess() {
    }
}
