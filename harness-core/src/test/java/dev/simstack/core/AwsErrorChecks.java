package dev.simstack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** What tests check of an AWS error an SDK call fails with: its code, its HTTP status, its message. */
public final class AwsErrorChecks {

    private AwsErrorChecks() {
    }

    /** The AWS error {@code call} fails with, checked for its code and HTTP status. */
    public static AwsServiceException error(ThrowingCallable call, String code, int status) {
        AwsServiceException error = catchThrowableOfType(AwsServiceException.class, call);
        assertThat(error).as("the call should fail with " + code).isNotNull();
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(error.statusCode()).isEqualTo(status);
        return error;
    }

    /** The message of an AWS error, without the SDK's "(Service: ..., Status Code: ...)" suffix. */
    public static String message(AwsServiceException error) {
        return error.awsErrorDetails().errorMessage();
    }
}
