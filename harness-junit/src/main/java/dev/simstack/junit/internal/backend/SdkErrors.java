package dev.simstack.junit.internal.backend;

import dev.simstack.core.AwsService;
import dev.simstack.fault.FaultError;
import java.io.IOException;
import java.lang.reflect.Method;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The exceptions a client-side fault throws, as the SDK would surface what the engine answers: an AWS error as
 * the service's modelled exception for its code (e.g. SQS's {@code RequestThrottledException}), else the
 * service's own exception type ({@code SqsException}), else {@link AwsServiceException}; a broken connection as
 * the {@link SdkClientException} the HTTP client's I/O error becomes.
 */
final class SdkErrors {

    private static final String SERVICES = "software.amazon.awssdk.services.";

    private SdkErrors() {
    }

    /**
     * {@code error} answered by {@code service}, which the SDK calls {@code serviceName}: the exception with the
     * code, status and message in its {@code awsErrorDetails}, so the SDK's retry conditions (throttling, 5xx)
     * treat it as they treat the answer.
     */
    static AwsServiceException serviceError(AwsService service, String serviceName, FaultError error) {
        AwsErrorDetails details = AwsErrorDetails.builder().errorCode(error.code()).errorMessage(error.message())
                .serviceName(serviceName).sdkHttpResponse(SdkHttpResponse.builder().statusCode(error.status()).build())
                .build();
        AwsServiceException.Builder builder = builder(service, serviceName, error.code());
        return builder.awsErrorDetails(details).statusCode(error.status()).message(error.message()).build();
    }

    /**
     * The builder of the most specific exception type on the class path: the modelled one named after the code
     * ({@code Code} or {@code CodeException}), the service's, or the SDK's.
     */
    private static AwsServiceException.Builder builder(AwsService service, String serviceName, String code) {
        String model = SERVICES + service.signingName() + ".model.";
        Class<?> base = load(model + serviceName + "Exception");
        if (base == null) {
            return AwsServiceException.builder();
        }
        String simple = code.replaceAll("[^A-Za-z0-9]", "");
        for (String candidate : new String[] {simple, simple + "Exception"}) {
            Class<?> type = load(model + candidate);
            if (type != null && base.isAssignableFrom(type) && type != base) {
                return invokeBuilder(type);
            }
        }
        return invokeBuilder(base);
    }

    private static AwsServiceException.Builder invokeBuilder(Class<?> type) {
        try {
            Method builder = type.getMethod("builder");
            return (AwsServiceException.Builder) builder.invoke(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return AwsServiceException.builder();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SdkErrors.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** A connection reset before any byte of the answer, as the SDK reports the HTTP client's I/O error. */
    static SdkClientException connectionReset() {
        return ioError(new java.net.SocketException("Connection reset"));
    }

    /** An answer cut off after half its body, as the SDK reports the HTTP client's failure reading it. */
    static SdkClientException truncated() {
        return ioError(new IOException("Premature end of Content-Length delimited message body (cut off by a"
                + " SimStack fault)"));
    }

    private static SdkClientException ioError(IOException cause) {
        return SdkClientException.builder().message("Unable to execute HTTP request: " + cause.getMessage())
                .cause(cause).build();
    }
}
